// jsdom lacks ResizeObserver (Svelte's bind:clientHeight uses it); the tests need no real sizes.
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;
