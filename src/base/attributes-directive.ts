/**
 * `${attributes({ type: 'bar', compare: undefined })}` on an element: sets the
 * given attributes and removes those it set before but no longer gets. Lets a
 * composing element pass a dossier section's `options` through unchanged.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

export type AttributeValues = Record<string, string | number | boolean | undefined>;

class AttributesDirective extends Directive {
  private set = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attributes() belongs on an element');
  }

  render(_values: AttributeValues): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [values]: [AttributeValues]): typeof nothing {
    const element = part.element;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined || value === false) continue;
      next.add(name);
      const text = value === true ? '' : String(value);
      if (element.getAttribute(name) !== text) element.setAttribute(name, text);
    }
    for (const name of this.set) if (!next.has(name)) element.removeAttribute(name);
    this.set = next;
    return nothing;
  }
}

export const attributes = directive(AttributesDirective);
