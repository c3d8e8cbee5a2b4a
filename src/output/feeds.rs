//! `sitemap.xml` (a sitemap index with parts beyond 50 000 URLs, the
//! protocol's limit per file) and `robots.txt`. The Atom feed is a template
//! of the skin (`feed.xml`), rendered by [`crate::render::Renderer::feed`].
//!
//! The sitemap is written directly: it is a list of `<loc>`s with nothing
//! for a skin author to change.

/// The most URLs one sitemap file may hold.
pub const SITEMAP_LIMIT: usize = 50_000;

/// Escapes text for XML.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn urlset(urls: &[String]) -> String {
    let mut xml = String::with_capacity(64 + urls.len() * 80);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for url in urls {
        xml.push_str("<url><loc>");
        xml.push_str(&xml_escape(url));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// The sitemap files: `sitemap.xml` alone, or an index `sitemap.xml`
/// pointing at `sitemap-1.xml`, `sitemap-2.xml`, … when there are more
/// URLs than one file may hold.
pub fn sitemaps(urls: &[String], base_url: &str) -> Vec<(String, String)> {
    if urls.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".into(), urlset(urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (i, chunk) in urls.chunks(SITEMAP_LIMIT).enumerate() {
        let name = format!("sitemap-{}.xml", i + 1);
        index.push_str(&format!(
            "<sitemap><loc>{}</loc></sitemap>\n",
            xml_escape(&format!("{base_url}{name}"))
        ));
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index));
    files
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_sites_get_one_sitemap_with_escaped_urls() {
        let files = sitemaps(&["https://x.no/?a=1&b=2".into()], "https://x.no/");
        assert_eq!(files.len(), 1);
        assert!(files[0].1.contains("<loc>https://x.no/?a=1&amp;b=2</loc>"));
    }

    #[test]
    fn large_sites_get_an_index() {
        let urls: Vec<String> = (0..SITEMAP_LIMIT + 1)
            .map(|i| format!("https://x.no/{i}/"))
            .collect();
        let files = sitemaps(&urls, "https://x.no/");
        assert_eq!(files.len(), 3);
        assert!(files[0].1.contains("<loc>https://x.no/sitemap-2.xml</loc>"));
    }
}
