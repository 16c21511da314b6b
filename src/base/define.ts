/**
 * Registers an element unless the name is taken: two CMS plugins may each
 * load a copy of kreisdossier on the same page, and a second
 * `customElements.define` of the same name would throw.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
