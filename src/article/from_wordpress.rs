//! [`Article`] from a WordPress [`Post`].

use super::{Article, Image, Label, Site, Source, domain_of, non_empty};
use crate::Text;
use crate::wordpress::{Embed, Object, PhpList, Post};

impl<'a> From<&Post<'a>> for Article<'a> {
    fn from(post: &Post<'a>) -> Article<'a> {
        let yoast = post.yoast_head_json.as_ref();
        let embedded = post.embedded.as_ref();
        let mut article = Article::new(Source::WordPress);
        article.id = post.id.map(|id| Text::from(id.to_string()));
        article.url = yoast
            .and_then(|y| y.canonical.clone())
            .or_else(|| post.link.clone())
            .and_then(non_empty);
        article.title = post.title_text().and_then(non_empty);
        article.excerpt = post.excerpt_text().and_then(non_empty);
        article.body = post.content_text().and_then(non_empty);
        article.published = post.published();
        article.modified = post.modified_at();
        article.author = embedded
            .and_then(|e| e.author.as_ref())
            .and_then(|a| a.iter().find_map(|a| a.item()?.name.clone()))
            .or_else(|| yoast.and_then(|y| y.author.clone()))
            .and_then(non_empty);
        let site_name = yoast
            .and_then(|y| y.og_site_name.clone())
            .and_then(non_empty);
        let domain = article
            .url
            .as_ref()
            .or(post.link.as_ref())
            .and_then(|url| domain_of(url))
            .map(|d| Text::from(d.to_owned()));
        if site_name.is_some() || domain.is_some() {
            article.site = Some(Site {
                name: site_name,
                domain,
            });
        }
        article.language = yoast.and_then(|y| y.og_locale.clone()).and_then(non_empty);

        // Term names from `_embedded`, ids from the post.
        let terms: Vec<_> = embedded
            .and_then(|e| e.terms.as_ref())
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(Embed::item)
            .collect();
        let label = |id: u64, taxonomy: &str| Label {
            id: Some(id),
            name: terms
                .iter()
                .find(|t| t.id == Some(id) && t.taxonomy.as_deref() == Some(taxonomy))
                .and_then(|t| t.name_text()),
        };
        let labels = |ids: Option<&PhpList<'a, u64>>, taxonomy: &str| -> Vec<Label<'a>> {
            ids.into_iter()
                .flat_map(|ids| ids.iter())
                .map(|&id| label(id, taxonomy))
                .collect()
        };
        article.categories = labels(post.categories.as_ref(), "category");
        article.tags = labels(post.tags.as_ref(), "post_tag");

        for media in embedded
            .and_then(|e| e.featured_media.as_ref())
            .into_iter()
            .flatten()
            .filter_map(Embed::item)
        {
            let details = media.media_details.as_ref();
            if let Some(url) = media.source_url.clone() {
                article.add_image(Image {
                    url,
                    width: details.and_then(|d| d.width),
                    height: details.and_then(|d| d.height),
                    alt: media.alt_text.clone().and_then(non_empty),
                });
            }
        }
        for og in yoast
            .and_then(|y| y.og_image.as_ref())
            .into_iter()
            .flatten()
        {
            if let Some(url) = og.url.clone() {
                article.add_image(Image {
                    url,
                    width: og.width,
                    height: og.height,
                    alt: None,
                });
            }
        }
        article
    }
}

impl<'a> TryFrom<&Object<'a>> for Article<'a> {
    type Error = crate::Error;

    /// A post, page or custom post type gives an article; media, terms,
    /// users, comments and error responses do not.
    fn try_from(object: &Object<'a>) -> Result<Article<'a>, crate::Error> {
        match object {
            Object::Post(post) => Ok(Article::from(&**post)),
            other => Err(crate::Error::new(
                crate::ErrorKind::UnexpectedKind,
                format!(
                    "expected a post to make an article, found a {} object",
                    other.kind()
                ),
            )),
        }
    }
}
