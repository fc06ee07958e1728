/**
 * The development card service's stylesheet, served as a file so the strict CSP (no inline
 * styles) holds on its pages too. Mobile first, large tap targets, visible focus, AA contrast.
 */
export const cardServiceCss = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;overflow-wrap:anywhere;background:#f2f2f2;color:#1a1a1a;font-family:"Noto Sans JP","Hiragino Sans",system-ui,sans-serif;font-size:1.0625rem;line-height:1.7}
.banner{background:#4d4d4d;color:#fff;padding:.5rem 1rem;font-weight:700}
.banner p{margin:0}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.5;margin:1rem 0}
h2{font-size:1.25rem;line-height:1.5;margin:0 0 .5rem}
:lang(ja){word-break:auto-phrase}
.en{display:block;font-size:.875em;color:#4d4d4d;font-weight:400}
.banner .en{color:#f2f2f2}
button .en,.button .en{color:inherit}
.notice{border:2px solid #8a5300;background:#fffbe5;border-radius:8px;padding:.75rem;margin:0}
.notice-plain{font-weight:700}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.card{background:#fff;border:1px solid #ccc;border-radius:12px;padding:1rem;display:grid;gap:.5rem}
.card-head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem}
.card-head h2{margin:0}
.pin-box{margin:0}
.en-inline{font-size:.875em;color:#4d4d4d;font-weight:400}
.compact{gap:.25rem}
.compact div{display:block}
.compact dt{display:inline;font-weight:700}
.compact dt::after{content:"："}
.compact dd{display:inline}
.moved{font-weight:700;color:#8a5300}
.small{min-height:2.75rem;font-size:1rem}
.card form{margin:0}
dl{margin:0;display:grid;gap:.5rem}
dl div{display:grid;gap:0}
dt{font-weight:700}
dd{margin:0}
.items{background:#fff;border:1px solid #ccc;border-radius:12px;padding:1rem;margin:1rem 0}
.pin{font-size:1.375rem;font-weight:700;letter-spacing:.15em}
.meta{margin:0;color:#4d4d4d}
.button{display:flex;flex-direction:column;align-items:center;justify-content:center;width:100%;min-height:3rem;padding:.5rem 1.25rem;border-radius:8px;font:inherit;font-weight:700;text-align:center;text-decoration:none;cursor:pointer}
.primary{background:#0017c1;color:#fff;border:2px solid #0017c1}
.primary:hover{background:#00118f;text-decoration:underline}
.secondary{background:#fff;color:#0017c1;border:2px solid #0017c1}
.secondary:hover{background:#e8f1fe;text-decoration:underline}
.tertiary{background:transparent;color:#0017c1;border:2px solid transparent;text-decoration:underline}
.button:focus-visible,input:focus-visible,a:focus-visible{outline:4px solid #0877d7;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.actions{margin:1rem 0 0}
.pin-form{display:grid;gap:.5rem;background:#fff;border:1px solid #ccc;border-radius:12px;padding:1rem}
label{font-weight:700}
.hint{margin:0;color:#4d4d4d}
input[type=password]{width:100%;min-height:3.5rem;font:inherit;font-size:1.5rem;letter-spacing:.3em;padding:.5rem 1rem;border:2px solid #666;border-radius:8px;background:#fff;color:#1a1a1a}
input[aria-invalid=true]{border-color:#ce0000}
.error{margin:0;color:#ce0000;font-weight:700}
.error .en{color:#ce0000}
`;
