(()=>{let id,o;const u=p=>new URL(p,location.href).pathname,h=u(location.href);
const uses=p=>p==h||[...document.querySelectorAll("[src],link[href]")].some(e=>u(e.src||e.href)==p);
const css=()=>document.querySelectorAll("link[rel=stylesheet]").forEach(l=>l.href=l.href.split("?")[0]+"?"+Date.now());
function show(t){if(!o){o=document.createElement("pre");o.id="__brochure_overlay";o.style.cssText="position:fixed;inset:0;z-index:2147483647;margin:0;padding:2em;overflow:auto;background:#1b1d20f2;color:#fff;font:14px/1.5 monospace;white-space:pre-wrap";document.body.append(o)}o.textContent=t}
function go(){const s=new EventSource("/__brochure/events?"+h);s.onmessage=e=>{const d=JSON.parse(e.data);if(id&&d.id!=id)return location.reload();id=d.id;if(d.errors)return show(d.errors);if(o){o.remove();o=null}
const c=d.changed.filter(uses);if(c.some(p=>!p.endsWith(".css")))return location.reload();if(c.length||d.restyled.includes(h))css()};s.onerror=()=>{s.close();setTimeout(go,1000)}}go()})();
