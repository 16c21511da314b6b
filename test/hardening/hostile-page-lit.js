// A third-party plugin on the same page with its own copy of Lit (the npm package, resolved by the test
// server) and a LitElement-based element of its own; it must neither disturb nor be disturbed by kreisdossier.
import { LitElement, html, css } from '/node_modules/lit/index.js';

class CmsKarte extends LitElement {
  static styles = css`
    :host {
      display: block;
    }
    p {
      margin: 0;
    }
  `;
  render() {
    return html`<p class="cms-karte">Veranstaltungen im Landkreis</p>`;
  }
}
customElements.define('cms-karte', CmsKarte);
window.__cmsLit = { LitElement };
