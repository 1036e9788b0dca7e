//! [`Article`] from an aggregator item.

use time::OffsetDateTime;

use super::{Article, Image, RelatedLink, Site, Source, non_empty};
use crate::Text;
use crate::frontmatter::{self, Document, Item, NewsItem, Provider};
use crate::html;

impl<'a> From<&Document<'a, NewsItem<'a>>> for Article<'a> {
    fn from(doc: &Document<'a, NewsItem<'a>>) -> Article<'a> {
        let item = doc.value();
        let mut article = common(Common {
            web_url: item.web_url.as_ref(),
            original_url: item.original_url.as_ref(),
            title: Some(item.title_text()),
            excerpt: Some(item.excerpt_text()),
            body: doc.body_text(),
            published: Some(item.published_date_time),
            provider: Some(&item.provider),
            topics: &item.topics,
            images: &item.images,
        });
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
        let item = doc.value();
        common(Common {
            web_url: item.web_url.as_ref(),
            original_url: item.original_url.as_ref(),
            title: item.title_text(),
            excerpt: item.excerpt_text(),
            body: doc.body_text(),
            published: item.published_date_time,
            provider: item.provider.as_ref(),
            topics: &item.topics,
            images: &item.images,
        })
    }
}

/// What news items and other items have in common.
struct Common<'r, 'a> {
    web_url: Option<&'r Text<'a>>,
    original_url: Option<&'r Text<'a>>,
    title: Option<Text<'a>>,
    excerpt: Option<Text<'a>>,
    body: &'r Text<'a>,
    published: Option<OffsetDateTime>,
    provider: Option<&'r Provider<'a>>,
    topics: &'r [Text<'a>],
    images: &'r [frontmatter::NewsImage<'a>],
}

fn common<'a>(c: Common<'_, 'a>) -> Article<'a> {
    let mut article = Article::new(Source::Aggregator);
    article.url = c.web_url.or(c.original_url).cloned().and_then(non_empty);
    article.title = c.title.and_then(non_empty);
    article.excerpt = c.excerpt.and_then(non_empty);
    article.body = body_text(c.body).or_else(|| article.excerpt.clone());
    article.published = c.published;
    article.site = c.provider.map(|p| Site {
        name: non_empty(p.name.clone()),
        domain: p.domain.clone().and_then(non_empty),
    });
    article.topics = c.topics.to_vec();
    for image in c.images {
        article.add_image(Image {
            url: image.url.clone(),
            width: image.width,
            height: image.height,
            alt: image.title.clone(),
        });
    }
    article
}

/// The body as Markdown: HTML bodies converted, Markdown and plain bodies
/// trimmed but otherwise as written (as [`body_text`] has them).
pub(super) fn body_markdown<'a>(body: &Text<'a>) -> Option<Text<'a>> {
    if body.trim_start().starts_with('<') {
        return non_empty(html::markdown_of(body, &html::MarkdownOptions::default()));
    }
    body_text(body)
}

/// The body as text: HTML bodies (newsletters) through the HTML module,
/// Markdown and plain bodies trimmed but otherwise as written (static
/// sites' pages too).
pub(super) fn body_text<'a>(body: &Text<'a>) -> Option<Text<'a>> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return None;
    }
    if trimmed.starts_with('<') {
        return non_empty(html::text_of(body, &html::TextOptions::default()));
    }
    Some(match body.as_borrowed() {
        Some(b) => Text::borrowed(b.trim()),
        None => Text::from(trimmed.to_owned()),
    })
}
