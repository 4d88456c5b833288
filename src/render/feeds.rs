//! Outputs built in code rather than templates: they have one correct form.

use crate::plan::{Route, plan};
use crate::site::Site;

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `sitemap.xml` with `xhtml:link` alternates for every language and `x-default`, as search
/// engines want for multilingual sites.
pub fn sitemap(site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for route in plan(site).iter().filter(|r| r.in_sitemap()) {
        out.push_str("  <url>\n");
        out.push_str(&format!(
            "    <loc>{}</loc>\n",
            xml_escape(&site.permalink(route))
        ));
        for l in &site.config.languages {
            out.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                xml_escape(&l.locale),
                xml_escape(&site.permalink(&route.with_lang(&l.code)))
            ));
        }
        out.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
            xml_escape(&site.permalink(&route.x_default(&site.config.default_language)))
        ));
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// The page written at an old URL (`aliases:`): an immediate redirect to the item's page, with
/// the canonical link so search engines move their ranking over, and a plain link for the rest.
pub fn redirect(site: &Site, to: &Route) -> String {
    redirect_with_query(site, to, "")
}

/// Where a printed QR code leads ([`Route::Scan`]): the product's page, with the campaign
/// in the query for the site's analytics. The canonical link stays the page itself.
pub fn scan_redirect(site: &Site, lang: &str, id: &str, tag: &str) -> String {
    let to = Route::Product {
        lang: lang.to_string(),
        id: id.to_string(),
    };
    let query = if tag == crate::plan::DATASHEET_SCAN_TAG {
        "?utm_source=datasheet&utm_medium=pdf&utm_campaign=datasheet".to_string()
    } else {
        format!("?utm_source=brochure&utm_medium=print&utm_campaign={tag}")
    };
    redirect_with_query(site, &to, &query)
}

fn redirect_with_query(site: &Site, to: &Route, query: &str) -> String {
    let url = xml_escape(&format!("{}{query}", site.url(to)));
    let permalink = xml_escape(&site.permalink(to));
    let lang = to
        .lang()
        .and_then(|code| site.config.language(code))
        .map_or("en", |l| l.locale.as_str());
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{permalink}</title>\n<link rel=\"canonical\" href=\"{permalink}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n<p><a href=\"{url}\">{permalink}</a></p>\n</body>\n</html>\n"
    )
}

pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.permalink(&Route::Sitemap)
    )
}
