//! [`Article`] from a static site's page or post.

use super::{Article, Image, Label, Source, non_empty};
use crate::Text;
use crate::frontmatter::{Document, Page};
use crate::html;

impl<'a> From<&Document<'a, Page<'a>>> for Article<'a> {
    fn from(doc: &Document<'a, Page<'a>>) -> Article<'a> {
        let page = doc.value();
        let mut article = Article::new(Source::Page);
        article.url = page
            .url
            .clone()
            .or_else(|| page.permalink.clone())
            .and_then(non_empty);
        article.title = page
            .title
            .as_ref()
            .map(|t| html::text_of(t, &html::TextOptions::inline()))
            .and_then(non_empty);
        article.excerpt = page
            .description
            .as_ref()
            .or(page.summary.as_ref())
            .or(page.excerpt.as_ref())
            .map(|t| html::text_of(t, &html::TextOptions::inline()))
            .and_then(non_empty);
        article.body =
            super::from_aggregator::body_text(doc.body_text()).or_else(|| article.excerpt.clone());
        article.published = page.published_at().map(|d| d.to_offset_date_time());
        article.modified = page.modified_at().map(|d| d.to_offset_date_time());
        article.author = page
            .author_names()
            .next()
            .map(|n| Text::from(n.into_owned()))
            .and_then(non_empty);
        article.language = page
            .lang
            .clone()
            .or_else(|| page.language.clone())
            .and_then(non_empty);
        let label = |name: std::borrow::Cow<'_, str>| Label {
            id: None,
            name: Some(Text::from(name.into_owned())),
        };
        article.categories = page.category_names().map(label).collect();
        article.tags = page.tags.names().map(label).collect();
        if let Some(url) = page.image_url() {
            article.add_image(Image {
                url: Text::from(url.into_owned()),
                ..Image::default()
            });
        }
        article
    }
}
