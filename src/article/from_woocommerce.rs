//! [`Article`] from a WooCommerce [`Product`]: its page, name, short
//! description and description as text, dates, categories, tags and
//! images.

use super::{Article, Image, Label, Site, Source, domain_of, non_empty};
use crate::Text;
use crate::wordpress::{Product, ProductTerm};

impl<'a> From<&Product<'a>> for Article<'a> {
    fn from(product: &Product<'a>) -> Article<'a> {
        let mut article = Article::new(Source::WooCommerce);
        article.id = product.id.map(|id| Text::from(id.to_string()));
        article.url = product.permalink.clone().and_then(non_empty);
        article.title = product.name_text().and_then(non_empty);
        article.excerpt = product.short_description_text().and_then(non_empty);
        article.body = product.description_text().and_then(non_empty);
        article.published = product.created_at();
        article.modified = product.modified_at();
        article.site = article
            .url
            .as_deref()
            .and_then(domain_of)
            .map(|domain| Site {
                name: None,
                domain: Some(Text::from(domain.to_owned())),
            });
        let label = |term: &ProductTerm<'a>| Label {
            id: term.id,
            name: term
                .name
                .as_ref()
                .map(|name| crate::html::inline_text(name).into_owned())
                .and_then(non_empty),
        };
        article.categories = product.categories.iter().flatten().map(label).collect();
        article.tags = product.tags.iter().flatten().map(label).collect();
        for image in product.images.iter().flatten() {
            if let Some(url) = image.src.clone() {
                article.add_image(Image {
                    url,
                    width: None,
                    height: None,
                    alt: image.alt.clone().and_then(non_empty),
                });
            }
        }
        article
    }
}
