/**
 * A corpus of injection payloads for the hardening tests (issue 7).
 *
 * Every payload that could run code calls the global canary `window.__xss(<id>)` (id = its index in
 * `PAYLOADS`), so an execution anywhere on the page is detected and named. Some payloads are written by
 * hand (classics of each family), others are generated systematically (a few "cores" × the contexts a
 * string might break out of), always so that each one means something: a different parser state,
 * encoding or obfuscation. Non-code payloads (entities, direction marks, prototype keys, very long and
 * regex-heavy strings) check that strings reach the screen unchanged and that nothing chokes on them.
 */

/** Name of the global function payloads call; the tests install it and fail when it is called. */
export const CANARY = '__xss';

/** A payload template: `{ID}` becomes the payload's index. */
type Template = string;

const scriptTags: Template[] = [
  '<script>__xss({ID})</script>',
  '<SCRIPT>__xss({ID})</SCRIPT>',
  '<ScRiPt>__xss({ID})</sCrIpT>',
  '<script >__xss({ID})</script >',
  '<script\n>__xss({ID})</script\n>',
  '<script\t>__xss({ID})</script>',
  '<script/x>__xss({ID})</script>',
  '<script type="text/javascript">__xss({ID})</script>',
  '<script type="module">__xss({ID})</script>',
  '<script defer>__xss({ID})</script>',
  '<script async src="data:text/javascript,__xss({ID})"></script>',
  '<script src=data:,__xss({ID})></script>',
  '<script>__xss({ID})//',
  '<script>__xss({ID})',
  '<<script>__xss({ID});//<</script>',
  '<scr<script>ipt>__xss({ID})</scr</script>ipt>',
  '<script>eval("__xss({ID})")</script>',
  '<script>setTimeout("__xss({ID})")</script>',
  '<script>document.write("<img src=x onerror=__xss({ID})>")</script>',
  '<script>window["__x"+"ss"]({ID})</script>',
  '<script>/*</script><script>*/__xss({ID})</script>',
  '"><script>__xss({ID})</script>',
  "'><script>__xss({ID})</script>",
  '</script><script>__xss({ID})</script>',
  '<script>__xss({ID})</script>'.repeat(3),
  '\\x3cscript\\x3e__xss({ID})\\x3c/script\\x3e',
  '\\u003cscript\\u003e__xss({ID})\\u003c/script\\u003e',
  '%3Cscript%3E__xss({ID})%3C%2Fscript%3E',
  '+ADw-script+AD4-__xss({ID})+ADw-/script+AD4-',
  '<script>__xss({ID})</script\u0000>',
  '<script\u0000>__xss({ID})</script>',
  '<x:script xmlns:x="http://www.w3.org/1999/xhtml">__xss({ID})</x:script>',
];

const eventHandlers: Template[] = [
  '<img src=x onerror=__xss({ID})>',
  '<IMG SRC=x ONERROR=__xss({ID})>',
  '<img src="x" onerror="__xss({ID})">',
  "<img src='x' onerror='__xss({ID})'>",
  '<img src=`x` onerror=`__xss({ID})`>',
  '<img/src=x/onerror=__xss({ID})>',
  '<img\tsrc=x\tonerror=__xss({ID})>',
  '<img\nsrc=x\nonerror=__xss({ID})>',
  '<img src=x onerror=__xss({ID})//',
  '<img src onerror=__xss({ID})>',
  '<img src=x:x onerror=eval("__x"+"ss({ID})")>',
  '<img src=x onerror="&#95;&#95;xss({ID})">',
  '<img src=x onerror="\\u005f_xss({ID})">',
  '<img src=x onerror=window[`__xss`]({ID})>',
  '<svg onload=__xss({ID})>',
  '<svg/onload=__xss({ID})>',
  '<svg onload="__xss({ID})"></svg>',
  '<body onload=__xss({ID})>',
  '<body onpageshow=__xss({ID})>',
  '<iframe onload=__xss({ID})></iframe>',
  '<input autofocus onfocus=__xss({ID})>',
  '<select autofocus onfocus=__xss({ID})></select>',
  '<textarea autofocus onfocus=__xss({ID})></textarea>',
  '<button autofocus onfocus=__xss({ID})>x</button>',
  '<div contenteditable autofocus onfocus=__xss({ID})>x</div>',
  '<a href=# tabindex=1 autofocus onfocusin=__xss({ID})>x</a>',
  '<details open ontoggle=__xss({ID})>',
  '<video><source onerror=__xss({ID})></video>',
  '<audio src=x onerror=__xss({ID})>',
  '<video poster=x onerror=__xss({ID})>',
  '<object data=x onerror=__xss({ID})></object>',
  '<marquee onstart=__xss({ID})>x</marquee>',
  '<style onload=__xss({ID})></style>',
  '<link rel=stylesheet href=x onerror=__xss({ID})>',
  '<svg><animate onbegin=__xss({ID}) attributeName=x dur=1s>',
  '<svg><set onbegin=__xss({ID}) attributeName=x to=1>',
  '<svg><image href=x onerror=__xss({ID})>',
  '<div onmouseover=__xss({ID})>hover</div>',
  '<div onpointerenter=__xss({ID})>x</div>',
  '<form><button formaction=javascript:__xss({ID})>x</button></form>',
  '<img src=x onerror=__xss({ID}) onerror=__xss({ID})>',
  '" onmouseover="__xss({ID})',
  "' onfocus='__xss({ID})' autofocus='",
  '" autofocus onfocus="__xss({ID})',
  'x" onerror="__xss({ID})',
  'onerror=__xss({ID})',
  '<img src=x onerror=__xss({ID})\u0000>',
  '<img src=x onerror\u0000=__xss({ID})>',
];

const urls: Template[] = [
  'javascript:__xss({ID})',
  'JaVaScRiPt:__xss({ID})',
  'JAVASCRIPT:__xss({ID})',
  ' javascript:__xss({ID})',
  '\tjavascript:__xss({ID})',
  'java\tscript:__xss({ID})',
  'java\nscript:__xss({ID})',
  'java\rscript:__xss({ID})',
  '\u0001javascript:__xss({ID})',
  'java\u0000script:__xss({ID})',
  'javascript&colon;__xss({ID})',
  '&#106;avascript:__xss({ID})',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xss({ID})',
  'java&#x09;script:__xss({ID})',
  'jav&#x0D;ascript:__xss({ID})',
  'javascript://%0a__xss({ID})',
  'javascript:/*--></title></style></textarea></script><svg/onload=__xss({ID})>',
  'vbscript:msgbox({ID})',
  'VBScript:__xss({ID})',
  'data:text/html,<script>__xss({ID})</script>',
  'DATA:text/html;base64,PHNjcmlwdD5fX3hzcygxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=__xss({ID})>',
  'data:text/javascript,__xss({ID})',
  '<a href="javascript:__xss({ID})">Quelle</a>',
  '<a href=javas&#99;ript:__xss({ID})>x</a>',
  '<a href="&#x6A;avascript:__xss({ID})">x</a>',
  '<iframe src="javascript:__xss({ID})"></iframe>',
  '<iframe srcdoc="<script>parent.__xss({ID})</script>"></iframe>',
  '<iframe src="data:text/html,<script>parent.__xss({ID})</script>"></iframe>',
  '<object data="javascript:__xss({ID})"></object>',
  '<embed src="javascript:__xss({ID})">',
  '<form action="javascript:__xss({ID})"><input type=submit></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss({ID})">',
  '<base href="javascript:__xss({ID})//">',
  '//evil.example/x.js?{ID}',
  'https://evil.example/"onmouseover="__xss({ID})',
];

const svgMath: Template[] = [
  '<svg><script>__xss({ID})</script></svg>',
  '<svg><script href="data:,__xss({ID})"/></svg>',
  '<svg><foreignObject><img src=x onerror=__xss({ID})></foreignObject></svg>',
  '<svg><foreignObject><iframe srcdoc="<script>parent.__xss({ID})</script>"></iframe></foreignObject></svg>',
  '<svg><a xlink:href="javascript:__xss({ID})"><text x=0 y=20>x</text></a></svg>',
  '<svg><animate attributeName=href values=javascript:__xss({ID}) /><a id=x><text>x</text></a></svg>',
  '<svg><use href="data:image/svg+xml,<svg id=x onload=__xss({ID})></svg>#x"/></svg>',
  '<svg><desc><![CDATA[</desc><script>__xss({ID})</script>]]></svg>',
  '<svg><style><img src=x onerror=__xss({ID})></style></svg>',
  '<svg></p><style><a id="</style><img src=1 onerror=__xss({ID})>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss({ID})>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=__xss({ID})&gt;">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss({ID})>',
  '<math><maction actiontype=statusline xlink:href="javascript:__xss({ID})">x</maction></math>',
  '<math href="javascript:__xss({ID})">x</math>',
  '<math><annotation-xml encoding="text/html"><img src=x onerror=__xss({ID})></annotation-xml></math>',
  '<noscript><p title="</noscript><img src=x onerror=__xss({ID})>">',
  '<template><img src=x onerror=__xss({ID})></template>',
  '<xmp><img src=x onerror=__xss({ID})></xmp>',
  '<noembed><img title="</noembed><img src=x onerror=__xss({ID})>"></noembed>',
  '<title><img src=x onerror=__xss({ID})></title>',
  '<textarea><img src=x onerror=__xss({ID})></textarea>',
];

const css: Template[] = [
  '</style><script>__xss({ID})</script>',
  '</style><img src=x onerror=__xss({ID})>',
  '}</style><svg onload=__xss({ID})>',
  '<style>@import "javascript:__xss({ID})";</style>',
  '<style>*{background:url("javascript:__xss({ID})")}</style>',
  '<style>:host{display:none!important}</style>',
  '<div style="width:expression(__xss({ID}))">x</div>',
  '<div style="background-image:url(javascript:__xss({ID}))">x</div>',
  '<p style="behavior:url(#default#time2)" onbegin="__xss({ID})">x</p>',
  'expression(__xss({ID}))',
  'url(javascript:__xss({ID}))',
  '@import url(javascript:__xss({ID}));',
  '--kd-color-text: red; } * { display: none } /* {ID} */',
  ':host { display: none } /* {ID} */',
  '-moz-binding:url("data:text/xml,<x onload=__xss({ID})/>")',
];

const templates: Template[] = [
  '${__xss({ID})}',
  '\\${__xss({ID})}',
  '`${__xss({ID})}`',
  '<!--?lit$1234{ID}$-->',
  '<!--?lit$1234{ID}$--><img src=x onerror=__xss({ID})>',
  'lit$1234{ID}$',
  '<?lit$1234{ID}$>',
  '{{__xss({ID})}}',
  "{{constructor.constructor('__xss({ID})')()}}",
  '[[__xss({ID})]]',
  '<%= __xss({ID}) %>',
  '#{__xss({ID})}',
  '{{#each x}}{{__xss {ID}}}{{/each}}',
  '@click=${__xss({ID})}',
  '.innerHTML=${"<img src=x onerror=__xss({ID})>"}',
  '<div @click="__xss({ID})" .innerHTML="<img src=x onerror=__xss({ID})>">x</div>',
  '{% raw %}{{__xss({ID})}}{% endraw %}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

const unicode: Template[] = [
  '\u202e<img src=x onerror=__xss({ID})>',
  'Landkreis \u202e{ID}gnp.exe',
  '\u2066<script>__xss({ID})</script>\u2069',
  '\u2067Stadt {ID}\u2069',
  '\u2068<svg onload=__xss({ID})>\u2069',
  '\u202dLRO {ID}\u202c \u202aLRE\u202c \u202bRLE\u202c',
  '\u200f\u200eMarks {ID}\u061c',
  '<scr\u200bipt>__xss({ID})</scr\u200bipt>',
  'java\u200bscript:__xss({ID})',
  '<img src=x one\u200drror=__xss({ID})>',
  '\ufeff<script>__xss({ID})</script>',
  '\uff1cscript\uff1e__xss({ID})\uff1c/script\uff1e',
  '\u2028__xss({ID})\u2029',
  'S\u0336t\u0336r\u0336i\u0336k\u0336e {ID}',
  '\ud800 lone surrogate {ID}',
  'Tag\udb40\udc41\udb40\udc42 {ID}',
  '\u0455cript {ID}',
  '\u1160\u3164 {ID}',
];

const controls: Template[] = [
  '\u0000',
  '\u0000<script>__xss({ID})</script>',
  '<scr\u0000ipt>__xss({ID})</scr\u0000ipt>',
  '%00<script>__xss({ID})</script>',
  '\\0 {ID}',
  '\u0008\u0007\u001b[31mrot {ID}\u001b[0m',
  '\u0001\u0002\u0003 {ID} \u007f\u0085',
  'Zeile 1\r\nZeile 2\n{ID}\tEnde',
];

const entities: Template[] = [
  '&lt;script&gt;__xss({ID})&lt;/script&gt;',
  '&amp;lt;img src=x onerror=__xss({ID})&amp;gt;',
  '&#60;script&#62;__xss({ID})&#60;/script&#62;',
  '&#x3C;img src=x onerror=__xss({ID})&#x3E;',
  '&#0000060;svg onload=__xss({ID})&#0000062;',
  '&lt&gtx {ID}',
  '&quot;&gt;&lt;svg onload=__xss({ID})&gt;',
  '&apos;; __xss({ID}); //',
  '&nbsp;&shy;&zwnj;&#x202E; {ID}',
  '&NewLine;&Tab;&colon;&lpar;{ID}&rpar;',
  'AT&T &copy; 2024 {ID}',
];

const misc: Template[] = [
  '"}]},"x":"<script>__xss({ID})</script>',
  '\\"}]} {ID}',
  '<![CDATA[<script>__xss({ID})</script>]]>',
  '<!--<script>__xss({ID})</script>-->',
  '<!--<script>',
  '-->{ID}<!--',
  '</div></figure></table></section></article> {ID}',
  '<plaintext>{ID}',
  '<isindex action=javascript:__xss({ID}) type=image>',
  '<dialog open onclose=__xss({ID})><form method=dialog><button autofocus>x</button></form></dialog>',
  '<slot name=x onslotchange=__xss({ID})></slot>',
  '<custom-element is=x onclick=__xss({ID})>x</custom-element>',
  '<indikator-tabelle src="javascript:__xss({ID})"></indikator-tabelle>',
];

/** Long and regex-heavy strings: nothing may hang, truncate or choke. */
const long: Template[] = [
  `${'A'.repeat(70_000)} {ID}`,
  `${'<script>__xss({ID})</script>'.repeat(400)}`,
  `${'<b>'.repeat(3000)}{ID}`,
  `${'&amp;'.repeat(2000)}{ID}`,
  `{ID} ${'lorem ipsum dolor sit amet '.repeat(800)}`,
  // Backtracking bombs for the name helpers (", Stadtkreis" is also "Stadt" + "kreis").
  `x{ID}, ${'Stadtkreis'.repeat(30)}!`,
  `x{ID}, ${'Kreis, '.repeat(40)}Stadtkreis${'Stadt'.repeat(30)}!`,
];

/** Systematic: a few cores × the contexts a string could break out of. */
const cores: Template[] = [
  '<img src=x onerror=__xss({ID})>',
  '<svg onload=__xss({ID})>',
  '<iframe src="javascript:__xss({ID})"></iframe>',
  '<input autofocus onfocus=__xss({ID})>',
];
const wrappers: Array<(core: string) => string> = [
  (c) => `">${c}`,
  (c) => `'>${c}`,
  (c) => `</span>${c}`,
  (c) => `</td></tr></tbody></table>${c}`,
  (c) => `</caption>${c}`,
  (c) => `</title>${c}`,
  (c) => `</textarea>${c}`,
  (c) => `</style>${c}`,
  (c) => `</script>${c}`,
  (c) => `-->${c}`,
  (c) => `]]>${c}`,
  (c) => `</noscript>${c}`,
  (c) => `\u202e${c}\u202c`,
  (c) => `\u0000${c}`,
  (c) => `Harz, Landkreis ${c}`,
];
const generated: Template[] = cores.flatMap((core) => wrappers.map((wrap) => wrap(core)));

const TEMPLATES: Template[] = [
  ...scriptTags,
  ...eventHandlers,
  ...urls,
  ...svgMath,
  ...css,
  ...templates,
  ...unicode,
  ...controls,
  ...entities,
  ...misc,
  ...long,
  ...generated,
];

/** The payloads, each with its own canary id (its index). */
export const PAYLOADS: readonly string[] = TEMPLATES.map((t, id) => t.replaceAll('{ID}', String(id)));

/** Record keys a JSON reader (valibot) drops or a plain object already has: they cannot name a status symbol. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
