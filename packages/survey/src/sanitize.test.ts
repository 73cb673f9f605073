import { expect } from '@open-wc/testing';
import { isSafeImageUrl, isSafeLinkUrl, sanitizeHtml } from './sanitize.js';

// Every payload tries to call window.pvXss(label). Classic filter-evasion and mutation-XSS
// shapes: event handlers, javascript: URLs hidden behind whitespace and entities, foreign
// content (svg/math) namespace confusion, raw-text elements, and things that navigate or
// re-base the page rather than run script.
const PAYLOADS: ReadonlyArray<readonly [label: string, html: string]> = [
  ['script', '<script>pvXss("script")</script>'],
  ['script-src', '<script src="data:text/javascript,pvXss(\'script-src\')"></script>'],
  ['img-onerror', '<img src=x onerror="pvXss(\'img-onerror\')">'],
  ['img-onerror-unquoted', '<IMG SRC=/ oNeRrOr=pvXss(\'img-onerror-unquoted\')>'],
  ['img-onerror-slash', '<img/src=x/onerror=pvXss(\'img-onerror-slash\')>'],
  ['body-onload', '<body onload="pvXss(\'body-onload\')">'],
  ['details-ontoggle', '<details open ontoggle="pvXss(\'details-ontoggle\')">x</details>'],
  ['input-onfocus', '<input autofocus onfocus="pvXss(\'input-onfocus\')">'],
  ['a-javascript', '<a href="javascript:pvXss(\'a-javascript\')">x</a>'],
  ['a-javascript-case', '<a href="JaVaScRiPt:pvXss(\'a-javascript-case\')">x</a>'],
  ['a-javascript-tab-entity', '<a href=" jav&#x09;ascript:pvXss(\'a-javascript-tab-entity\')">x</a>'],
  ['a-javascript-newline', '<a href="java\nscript:pvXss(\'a-javascript-newline\')">x</a>'],
  ['a-javascript-colon-entity', '<a href="javascript&colon;pvXss(\'a-javascript-colon-entity\')">x</a>'],
  ['a-javascript-decimal', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;pvXss(1)">x</a>'],
  ['a-javascript-leading-ctrl', '<a href="\u0001javascript:pvXss(\'ctrl\')">x</a>'],
  ['a-vbscript', '<a href="vbscript:msgbox(1)">x</a>'],
  ['a-data-html', '<a href="data:text/html,<script>pvXss(\'a-data-html\')</script>">x</a>'],
  ['a-data-html-b64', '<a href="data:text/html;base64,PHNjcmlwdD5wdlhzcygxKTwvc2NyaXB0Pg==">x</a>'],
  ['img-javascript', '<img src="javascript:pvXss(\'img-javascript\')">'],
  ['img-data-svg', '<img src="data:image/svg+xml,<svg onload=pvXss(1)>">'],
  ['iframe-srcdoc', '<iframe srcdoc="<script>parent.pvXss(\'iframe-srcdoc\')</script>"></iframe>'],
  ['iframe-javascript', '<iframe src="javascript:parent.pvXss(\'iframe-javascript\')"></iframe>'],
  ['object-data', '<object data="javascript:pvXss(\'object\')"></object>'],
  ['embed', '<embed src="javascript:pvXss(\'embed\')">'],
  ['form-formaction', '<form><button formaction="javascript:pvXss(\'formaction\')">go</button></form>'],
  ['input-formaction', '<input type="submit" formaction="javascript:pvXss(\'input-formaction\')">'],
  ['svg-onload', '<svg onload="pvXss(\'svg-onload\')"></svg>'],
  ['svg-script', '<svg><script>pvXss("svg-script")</script></svg>'],
  ['svg-a-xlink', '<svg><a xlink:href="javascript:pvXss(\'svg-a\')"><text y="20">x</text></a></svg>'],
  ['svg-animate', '<svg><animate onbegin="pvXss(\'svg-animate\')" attributeName="x" dur="1s"/></svg>'],
  ['svg-set-href', '<svg><a><set attributeName="href" to="javascript:pvXss(\'svg-set\')"/><text y="9">x</text></a></svg>'],
  ['math-href', '<math href="javascript:pvXss(\'math-href\')"><mi>x</mi></math>'],
  ['math-mglyph-style', '<math><mtext><table><mglyph><style><img src=x onerror="pvXss(\'math-mglyph\')">'],
  ['form-math-mxss', '<form><math><mtext></form><form><mglyph><style></math><img src onerror="pvXss(\'form-math\')">'],
  ['svg-style-mxss', '<svg></p><style><a id="</style><img src=1 onerror=pvXss(\'svg-style\')>">'],
  ['style-expression', '<div style="width: expression(pvXss(\'style-expression\'))">x</div>'],
  ['style-url', '<div style="background:url(javascript:pvXss(\'style-url\'))">x</div>'],
  ['style-element', '<style>@import "javascript:pvXss(1)"; body{background:url("javascript:pvXss(2)")}</style>'],
  ['link-stylesheet', '<link rel="stylesheet" href="javascript:pvXss(\'link\')">'],
  ['base', '<base href="javascript:pvXss(\'base\')//">'],
  ['meta-refresh', '<meta http-equiv="refresh" content="0;url=javascript:pvXss(\'meta\')">'],
  ['template-nested', '<template><img src=x onerror="pvXss(\'template\')"></template>'],
  ['noscript-mxss', '<noscript><p title="</noscript><img src=x onerror=pvXss(\'noscript\')>"></noscript>'],
  ['noembed-mxss', '<noembed><img title="</noembed><img src=x onerror=pvXss(\'noembed\')>"></noembed>'],
  ['noframes-mxss', '<noframes><img title="</noframes><img src=x onerror=pvXss(\'noframes\')>"></noframes>'],
  ['xmp-mxss', '<xmp><img title="</xmp><img src=x onerror=pvXss(\'xmp\')>"></xmp>'],
  ['textarea-mxss', '<textarea><img title="</textarea><img src=x onerror=pvXss(\'textarea\')>"></textarea>'],
  ['title-mxss', '<title><img title="</title><img src=x onerror=pvXss(\'title\')>"></title>'],
  ['comment-mxss', '<!--<img src="--><img src=x onerror=pvXss(\'comment\')//">'],
  ['cdata-mxss', '<![CDATA[><img src=x onerror=pvXss(\'cdata\')//]]>'],
  ['attr-break', '<p title="&quot;><img src=x onerror=pvXss(\'attr-break\')>">x</p>'],
  ['video-poster', '<video poster="javascript:pvXss(1)" onerror="pvXss(\'video\')"><source onerror="pvXss(\'source\')"></video>'],
  ['a-srcdoc-like', '<a href="#" srcdoc="<script>pvXss(1)</script>" onclick="pvXss(\'a-onclick\')">x</a>'],
  ['dom-clobber', '<img name="getElementById" id="pvClobber" src="/x.png"><form id="pvClobber2"></form>'],
  ['custom-element', '<pv-survey src="javascript:pvXss(1)"></pv-survey><x-unknown onclick="pvXss(\'x\')">t</x-unknown>'],
  ['portal-dialog', '<dialog open onclose="pvXss(\'dialog\')">x</dialog>'],
  ['slot-shadowroot', '<div><template shadowrootmode="open"><img src=x onerror="pvXss(\'dsd\')"></template></div>'],
];

const DANGEROUS_ELEMENTS = [
  'script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math',
  'template', 'noscript', 'noembed', 'noframes', 'xmp', 'textarea', 'title', 'base', 'meta',
  'link', 'video', 'audio', 'source', 'dialog', 'pv-survey', 'x-unknown',
];

/** Parses sanitised output the way Lit's unsafeHTML will: through a template element. */
function reparse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

function assertNothingDangerous(label: string, clean: string): void {
  const fragment = reparse(clean);
  for (const tag of DANGEROUS_ELEMENTS) {
    expect(fragment.querySelector(tag), `${label}: <${tag}> survived in ${clean}`).to.equal(null);
  }
  for (const element of Array.from(fragment.querySelectorAll('*'))) {
    expect(element.namespaceURI, `${label}: ${element.localName}`).to.equal('http://www.w3.org/1999/xhtml');
    for (const { name, value } of Array.from(element.attributes)) {
      expect(name, `${label}: attribute ${name} in ${clean}`).to.be.oneOf([
        'href', 'src', 'alt', 'title', 'lang', 'dir', 'width', 'height', 'colspan', 'rowspan',
        'scope', 'start', 'target', 'rel',
      ]);
      if (name === 'href' || name === 'src') {
        const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        expect(compact, `${label}: ${name}=${value}`).not.to.match(/^(?:javascript|vbscript|data:text|data:image\/svg)/);
      }
    }
  }
}

describe('sanitizeHtml', () => {
  let calls: string[];
  before(() => {
    calls = [];
    (window as unknown as { pvXss: (label: unknown) => void }).pvXss = (label) => calls.push(String(label));
  });
  after(() => {
    delete (window as unknown as { pvXss?: unknown }).pvXss;
  });

  for (const [label, payload] of PAYLOADS) {
    it(`removes everything dangerous from ${label}`, () => {
      const clean = sanitizeHtml(payload);
      assertNothingDangerous(label, clean);
      // Sanitising is stable: a second pass changes nothing, so no shape mutates on re-parse.
      expect(sanitizeHtml(clean), label).to.equal(clean);
    });
  }

  it('runs none of the payloads once the output is in the live DOM', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = PAYLOADS.map(([, payload]) => `<div>${sanitizeHtml(payload)}</div>`).join('');
    // Positive control after every payload: an unsanitised image error handler in the same
    // tree must run; once it has, any payload error handler queued before it would have too.
    const control = new Promise<void>((resolve) => {
      (window as unknown as { pvControl: () => void }).pvControl = resolve;
    });
    const probe = document.createElement('div');
    probe.innerHTML = '<img src="/pv-missing-image-control.png" onerror="pvControl()">';
    shadow.append(probe);
    await control;
    await new Promise((resolve) => setTimeout(resolve, 0));
    host.remove();
    expect(calls).to.deep.equal([]);
  });

  it('keeps ordinary formatting, links and images', () => {
    const clean = sanitizeHtml(
      '<h3>Thank you!</h3><p>Talk to <strong>Childline</strong> on <a href="tel:08001111">0800 1111</a> ' +
        'or visit <a href="https://www.childline.org.uk/">childline.org.uk</a>.</p>' +
        '<ul><li><em>one</em></li></ul><img src="/logo.png" alt="School logo" width="40">',
    );
    const fragment = reparse(clean);
    expect(fragment.querySelector('h3')?.textContent).to.equal('Thank you!');
    expect(fragment.querySelector('strong')?.textContent).to.equal('Childline');
    const links = Array.from(fragment.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['tel:08001111', 'https://www.childline.org.uk/']);
    // Links open elsewhere so a half-finished survey is never navigated away from.
    expect(links.every((a) => a.target === '_blank' && a.rel === 'noopener noreferrer')).to.equal(true);
    expect(fragment.querySelector('img')?.getAttribute('alt')).to.equal('School logo');
    expect(fragment.querySelector('li em')?.textContent).to.equal('one');
  });

  it('keeps the text of unknown wrappers but escapes markup-looking text', () => {
    expect(sanitizeHtml('<font color="red">calm</font>')).to.equal('calm');
    const clean = sanitizeHtml('<p>1 &lt; 2 &amp;&amp; &lt;img src=x onerror=pvXss(1)&gt;</p>');
    expect(reparse(clean).querySelector('img')).to.equal(null);
    expect(reparse(clean).textContent).to.equal('1 < 2 && <img src=x onerror=pvXss(1)>');
  });

  it('returns an empty string for empty or whitespace-free nothing', () => {
    expect(sanitizeHtml('')).to.equal('');
    expect(sanitizeHtml('<script></script>')).to.equal('');
  });
});

describe('URL checks', () => {
  it('accepts web, mail, phone and relative links', () => {
    for (const url of ['https://example.org/a?b=c', 'http://x', 'mailto:a@b.c', 'tel:08001111', '#top', '/help', './help', '../help', 'help.html', '?page=2']) {
      expect(isSafeLinkUrl(url), url).to.equal(true);
    }
  });

  it('refuses script and document schemes however they are disguised', () => {
    for (const url of ['javascript:x', ' javascript:x', 'java\tscript:x', 'java\u0000script:x', 'JAVASCRIPT:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', 'blob:https://x/1']) {
      expect(isSafeLinkUrl(url), JSON.stringify(url)).to.equal(false);
    }
  });

  it('allows raster data images only', () => {
    expect(isSafeImageUrl('data:image/png;base64,iVBORw0KGgo=')).to.equal(true);
    expect(isSafeImageUrl('data:image/svg+xml;base64,PHN2Zz4=')).to.equal(false);
    expect(isSafeImageUrl('data:text/html,x')).to.equal(false);
    expect(isSafeImageUrl('javascript:x')).to.equal(false);
    expect(isSafeImageUrl('https://school.example/logo.png')).to.equal(true);
  });
});
