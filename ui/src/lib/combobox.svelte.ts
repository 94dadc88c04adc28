// What a search-as-you-type field (PartyPicker, GroupPicker) knows between keystrokes, and how it answers the
// keyboard: ↑/↓ choose among the options, Enter takes the chosen one (the first unless another was chosen),
// Escape closes. The backend is asked about every change of the text; an answer to an older text is dropped,
// and Enter pressed while the answer for the text now typed is still coming waits for it, so Enter never takes
// a stale list. The options themselves, and what picking one does, belong to the field.

export interface ComboOption {
  key: string;
}

export class Combobox<O extends ComboOption> {
  query = $state('');
  open = $state(false);
  /** The option moved to with ↑/↓; null means "the first". */
  chosen = $state<string | null>(null);
  /** The text the backend is being asked about, while it answers. */
  searching = $state<string | null>(null);
  #seq = 0;
  #enterPending = false;

  /**
   * @param options every option on offer now, in order (the first is what Enter takes by default)
   * @param onpick what picking an option does; the field is emptied and closed after it
   * @param first what Enter takes when nothing was chosen (by default the first option; a field whose last
   *   options add the typed text as a new entry offers those only to an explicit choice)
   */
  constructor(
    private readonly options: () => O[],
    private readonly onpick: (option: O) => void,
    private readonly first: () => O | undefined = () => options()[0],
  ) {}

  get activeKey(): string | null {
    const all = this.options();
    return this.chosen !== null && all.some((o) => o.key === this.chosen) ? this.chosen : (this.first()?.key ?? null);
  }

  get showing(): boolean {
    return this.open && this.options().length > 0;
  }

  /** The text changed: asks `ask` about it and gives the answer to `take`, unless the text changed again. */
  async typed<A>(ask: (query: string) => Promise<A | null>, take: (answer: A | null) => void): Promise<void> {
    this.open = true;
    this.chosen = null;
    this.#enterPending = false;
    const q = this.query.trim();
    const mine = ++this.#seq;
    if (q === '') {
      this.searching = null;
      take(null);
      return;
    }
    this.searching = q;
    const answer = await ask(q);
    if (mine !== this.#seq) return;
    this.searching = null;
    take(answer);
    if (this.#enterPending) {
      this.#enterPending = false;
      this.pick(this.first());
    }
  }

  pick(option: O | undefined) {
    if (!option) return;
    this.onpick(option);
    this.query = '';
    this.chosen = null;
    this.open = false;
    this.searching = null;
  }

  keydown(e: KeyboardEvent) {
    const all = this.options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (all.length === 0) return;
      const by = e.key === 'ArrowDown' ? 1 : -1;
      const at = all.findIndex((o) => o.key === this.activeKey);
      const next = at < 0 ? (by > 0 ? 0 : all.length - 1) : Math.min(Math.max(at + by, 0), all.length - 1);
      this.chosen = all[next].key;
      this.open = true;
    } else if (e.key === 'Enter') {
      if (e.isComposing) return;
      // What Enter takes is decided on the answer for what is typed now, not on a list still catching up.
      if (this.chosen === null && this.searching !== null) this.#enterPending = true;
      else this.pick(all.find((o) => o.key === this.activeKey));
    } else if (e.key === 'Escape') {
      if (!this.showing) return;
      this.open = false;
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }

  /** Closes the list when the field loses the focus, after a click on an option has landed. */
  blurred() {
    setTimeout(() => (this.open = false), 150);
  }
}
