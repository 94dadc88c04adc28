#!/usr/bin/python3
"""Reviews a DOCX in LibreOffice Writer, as a colleague would in a word processor, through LibreOffice's own
scripting (UNO): with change tracking on, under a given author name, it replaces phrases and adds comments
anchored to phrases, then saves the result as DOCX. The export tests use it to prove that Rapporteur reads back
what a real word processor records (tracked insertions and deletions, and comments with their anchors).

Usage: lo-review.py IN.docx OUT.docx EDITS.json
EDITS.json: {"author": "Given Surname", "edits": [{"replace": "old", "with": "new"},
                                                  {"comment": "phrase", "text": "the comment"}]}
Needs Debian's python3-uno (run with /usr/bin/python3) and soffice. Exits non-zero with a one-line message
when a phrase is not found or LibreOffice fails."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

# How long LibreOffice may take to start and accept the connection.
START_SECONDS = 120


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, soffice):
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext()
    )
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if soffice.poll() is not None:
                sys.exit(f"lo-review: soffice exited with {soffice.returncode} before accepting a connection")
            if time.monotonic() > deadline:
                sys.exit(f"lo-review: soffice did not accept a connection within {START_SECONDS} s")
            # Polls the pipe until soffice listens on it; each try fails fast.
            time.sleep(0.2)


def set_author(ctx, author):
    """Changes are recorded under the user profile's name."""
    given, _, surname = author.partition(" ")
    provider = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", ctx
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", surname)
    access.commitChanges()


def now():
    """The time of a comment: LibreOffice's DOCX export needs one on every comment."""
    t = time.gmtime()
    stamp = uno.createUnoStruct("com.sun.star.util.DateTime")
    stamp.Year, stamp.Month, stamp.Day = t.tm_year, t.tm_mon, t.tm_mday
    stamp.Hours, stamp.Minutes, stamp.Seconds = t.tm_hour, t.tm_min, t.tm_sec
    return stamp


def find(doc, phrase):
    """The first range of the body's text that reads `phrase`, within one paragraph. LibreOffice's own search
    needs a document window, which this model has none of, so the paragraphs are walked instead."""
    paragraphs = doc.getText().createEnumeration()
    while paragraphs.hasMoreElements():
        para = paragraphs.nextElement()
        if not para.supportsService("com.sun.star.text.Paragraph"):
            continue
        at = para.getString().find(phrase)
        if at < 0:
            continue
        cursor = para.getText().createTextCursorByRange(para.getStart())
        cursor.goRight(utf16_len(para.getString()[:at]), False)
        cursor.goRight(utf16_len(phrase), True)
        return cursor
    sys.exit(f"lo-review: the phrase {phrase!r} is not in the document")


def utf16_len(text):
    """LibreOffice counts positions in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def review(doc, author, edits):
    doc.RecordChanges = True
    for edit in edits:
        if "replace" in edit:
            find(doc, edit["replace"]).setString(edit["with"])
        elif "comment" in edit:
            found = find(doc, edit["comment"])
            note = doc.createInstance("com.sun.star.text.textfield.Annotation")
            note.Author = author
            note.Content = edit["text"]
            note.DateTimeValue = now()
            # A comment is not a change to the text: Word records none for it.
            doc.RecordChanges = False
            found.getText().insertTextContent(found, note, True)
            doc.RecordChanges = True
        else:
            sys.exit(f"lo-review: unknown edit {edit!r}")


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: lo-review.py IN.docx OUT.docx EDITS.json")
    src, out, edits_file = (os.path.abspath(a) for a in sys.argv[1:])
    with open(edits_file, encoding="utf-8") as f:
        plan = json.load(f)
    with tempfile.TemporaryDirectory() as profile:
        pipe = f"rapporteur_review_{os.getpid()}"
        soffice = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # soffice starts soffice.bin as a child: a session of their own lets the cleanup stop both.
            start_new_session=True,
        )
        try:
            ctx = connect(pipe, soffice)
            set_author(ctx, plan["author"])
            # A copy in the temporary directory keeps LibreOffice's lock file away from the caller's folder.
            copy = os.path.join(profile, "review.docx")
            shutil.copyfile(src, copy)
            # The document is loaded as a model without a window: LibreOffice without a GUI (Debian's -nogui
            # packages) aborts when a comment gets a window of its own.
            doc = ctx.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
            doc.load((prop("URL", uno.systemPathToFileUrl(copy)), prop("FilterName", "MS Word 2007 XML")))
            review(doc, plan["author"], plan["edits"])
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "MS Word 2007 XML"),))
            doc.close(True)
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
        finally:
            try:
                soffice.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(soffice.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            soffice.wait()


if __name__ == "__main__":
    main()
