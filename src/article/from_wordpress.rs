//! [`Article`] from a WordPress [`Post`], through the post's own accessors
//! ([`Post::author_profile`], [`Post::featured_image`], [`Post::terms`]).

use super::{Article, Image, Label, Site, Source, domain_of, non_empty};
use crate::Text;
use crate::wordpress::{Object, Post, PostTerm};

impl<'a> From<&Post<'a>> for Article<'a> {
    fn from(post: &Post<'a>) -> Article<'a> {
        let yoast = post.yoast_head_json.as_ref();
        let mut article = Article::new(Source::WordPress);
        article.id = post.id.map(|id| Text::from(id.to_string()));
        let aioseo = post.aioseo_head_json.as_ref();
        article.url = yoast
            .and_then(|y| y.canonical.clone())
            .and_then(non_empty)
            .or_else(|| {
                aioseo
                    .and_then(|a| a.canonical_url.clone())
                    .and_then(non_empty)
            })
            .or_else(|| post.rank_math_canonical_url.clone().and_then(non_empty))
            .or_else(|| post.link.clone())
            .and_then(non_empty);
        article.title = post.title_text().and_then(non_empty);
        article.excerpt = post.excerpt_text().and_then(non_empty);
        article.body = post.content_text().and_then(non_empty);
        article.published = post.published();
        article.modified = post.modified_at();
        // Read once for the author, the image and the terms.
        let embedded = post.embedded_objects();
        let embedded = embedded.as_ref();
        article.author = post
            .author_from(embedded)
            .and_then(|author| author.name)
            .and_then(non_empty);
        let site_name = yoast
            .and_then(|y| y.og_site_name.clone())
            .and_then(non_empty)
            .or_else(|| {
                aioseo
                    .and_then(|a| a.og_site_name.clone())
                    .and_then(non_empty)
            });
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
        // SEO plugins' locales (`en_US`), WPML's, then Polylang's code.
        article.language = yoast
            .and_then(|y| y.og_locale.clone())
            .and_then(non_empty)
            .or_else(|| aioseo.and_then(|a| a.og_locale.clone()).and_then(non_empty))
            .or_else(|| post.wpml_current_locale.clone().and_then(non_empty))
            .or_else(|| post.lang.clone().and_then(non_empty));
        let label = |term: PostTerm<'a>| Label {
            id: term.id,
            name: term.name,
        };
        article.categories = post
            .terms_from(embedded, "category")
            .into_iter()
            .map(label)
            .collect();
        article.tags = post
            .terms_from(embedded, "post_tag")
            .into_iter()
            .map(label)
            .collect();

        if let Some(featured) = post.featured_image_from(embedded)
            && let Some(url) = featured.url
        {
            article.add_image(Image {
                url,
                width: featured.width,
                height: featured.height,
                alt: featured.alt,
            });
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

    /// A post, page or custom post type, a revision or autosave of one,
    /// and a WooCommerce product give an article; media, terms, users,
    /// comments, error responses and the other kinds do not.
    fn try_from(object: &Object<'a>) -> Result<Article<'a>, crate::Error> {
        match object {
            Object::Post(post) | Object::Revision(_, post) => Ok(Article::from(&**post)),
            Object::Product(product) => Ok(Article::from(&**product)),
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
