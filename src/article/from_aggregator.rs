//! [`Article`] from an aggregator item.

use super::{Article, Image, RelatedLink, Site, Source, non_empty};
use crate::Text;
use crate::frontmatter::{self, Document, Item, NewsItem, Provider};
use crate::html;

impl<'a> From<&Document<'a, NewsItem<'a>>> for Article<'a> {
    fn from(doc: &Document<'a, NewsItem<'a>>) -> Article<'a> {
        let item = doc.front_matter();
        let mut article = Article::new(Source::Aggregator);
        article.url = item
            .web_url
            .clone()
            .or_else(|| item.original_url.clone())
            .and_then(non_empty);
        article.title = non_empty(item.title_text());
        article.excerpt = non_empty(item.excerpt_text());
        article.body = body_text(doc.body_text()).or_else(|| article.excerpt.clone());
        article.published = Some(item.published_date_time);
        article.site = site(Some(&item.provider));
        article.topics = item.topics.clone();
        for image in &item.images {
            article.add_image(image_of(image));
        }
        article.related = item
            .related
            .iter()
            .map(|r| RelatedLink {
                url: r.web_url.clone().or_else(|| r.original_url.clone()),
                title: non_empty(r.title_text()),
                published: r.published_date_time,
                site: r.provider.as_ref().map(|p| p.name.clone()),
            })
            .collect();
        article
    }
}

impl<'a> From<&Document<'a, Item<'a>>> for Article<'a> {
    fn from(doc: &Document<'a, Item<'a>>) -> Article<'a> {
        let item = doc.front_matter();
        let mut article = Article::new(Source::Aggregator);
        article.url = item
            .web_url
            .clone()
            .or_else(|| item.original_url.clone())
            .and_then(non_empty);
        article.title = item.title_text().and_then(non_empty);
        article.excerpt = item.excerpt_text().and_then(non_empty);
        article.body = body_text(doc.body_text()).or_else(|| article.excerpt.clone());
        article.published = item.published_date_time;
        article.site = site(item.provider.as_ref());
        article.topics = item.topics.clone();
        for image in &item.images {
            article.add_image(image_of(image));
        }
        article
    }
}

/// The body as text: HTML bodies (newsletters) through the HTML module,
/// Markdown and plain bodies trimmed but otherwise as written.
fn body_text<'a>(body: &Text<'a>) -> Option<Text<'a>> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.starts_with('<') {
        return non_empty(html::text_of(body, &html::Options::default()));
    }
    Some(match body.as_borrowed() {
        Some(b) => Text::borrowed(b.trim()),
        None => Text::from(trimmed.to_owned()),
    })
}

fn site<'a>(provider: Option<&Provider<'a>>) -> Option<Site<'a>> {
    let p = provider?;
    Some(Site {
        name: non_empty(p.name.clone()),
        domain: p.domain.clone().and_then(non_empty),
    })
}

fn image_of<'a>(image: &frontmatter::Image<'a>) -> Image<'a> {
    Image {
        url: image.url.clone(),
        width: image.width,
        height: image.height,
        alt: image.title.clone(),
    }
}
