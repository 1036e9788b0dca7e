//! What a post points to — its author, its featured image, its terms — in
//! one call each, from `_embedded` when the post was fetched with `?_embed`,
//! and from the post's own ids when it was not (feature `html`: names are
//! plain text).
//!
//! [`Article`](crate::article::Article) reads these through the same
//! accessors, so this is the one place that knows where they live.

use super::{Embed, Embedded, Link, MediaSize, Post, Term, User};
use crate::Text;
use crate::html::{TextOptions, text_of};

/// A post's author: who wrote it, from [`Post::author_profile`].
///
/// Only `id` is known when the post was fetched without `?_embed`. Its
/// `Display` is the name, or the id when the name is not known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PostAuthor<'a> {
    /// The user id (`author`).
    pub id: Option<u64>,
    /// The display name: the embedded user's `name`, else Yoast SEO's
    /// `author`.
    pub name: Option<Text<'a>>,
    /// The author archive's URL.
    pub link: Option<Text<'a>>,
    /// The largest avatar's URL (`avatar_urls`, by pixel size).
    pub avatar: Option<Text<'a>>,
}

/// A post's featured image, from [`Post::featured_image`].
///
/// Only `id` is known when the post was fetched without `?_embed` (and
/// without Jetpack's `jetpack_featured_media_url`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FeaturedImage<'a> {
    /// The media id (`featured_media`).
    pub id: Option<u64>,
    /// The full-size file's URL.
    pub url: Option<Text<'a>>,
    /// The alternative text.
    pub alt: Option<Text<'a>>,
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
    /// The generated sizes (`thumbnail`, `medium`, `large`, ...), in the
    /// order WordPress sends them.
    pub sizes: Vec<ImageSize<'a>>,
}

/// One generated size of a [`FeaturedImage`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ImageSize<'a> {
    /// The size's name (`thumbnail`, `medium`, `full`, a theme's own).
    pub name: Text<'a>,
    /// The URL.
    pub url: Option<Text<'a>>,
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
}

/// A term a post has, from [`Post::terms`]: its id, and what `_embedded`
/// says of it.
///
/// Its `Display` is the name, or the id when the name is not known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PostTerm<'a> {
    /// The term id.
    pub id: Option<u64>,
    /// The name as plain text (WordPress sends `&amp;` for `&`).
    pub name: Option<Text<'a>>,
    /// The URL slug.
    pub slug: Option<Text<'a>>,
    /// The term archive's URL.
    pub link: Option<Text<'a>>,
}

/// A name, else an id, else nothing.
fn name_or_id(
    f: &mut std::fmt::Formatter<'_>,
    name: Option<&Text<'_>>,
    id: Option<u64>,
) -> std::fmt::Result {
    match (name, id) {
        (Some(name), _) => f.write_str(name),
        (None, Some(id)) => write!(f, "{id}"),
        (None, None) => Ok(()),
    }
}

impl std::fmt::Display for PostAuthor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        name_or_id(f, self.name.as_ref(), self.id)
    }
}

impl std::fmt::Display for PostTerm<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        name_or_id(f, self.name.as_ref(), self.id)
    }
}

impl<'a> Post<'a> {
    /// The author: name, archive link and avatar from `_embedded`, the id
    /// alone otherwise; `None` when the post names no author at all.
    ///
    /// ```
    /// let post = pressmark::wordpress::from_str::<pressmark::wordpress::Post>(r#"{"author":3,
    ///     "_embedded":{"author":[{"id":3,"name":"Ann Lee","link":"https://e.x/author/ann/",
    ///     "avatar_urls":{"24":"https://e.x/a24.png","96":"https://e.x/a96.png"}}]}}"#)?;
    /// let author = post.author_profile().unwrap();
    /// assert_eq!(author.name.as_deref(), Some("Ann Lee"));
    /// assert_eq!(author.avatar.as_deref(), Some("https://e.x/a96.png"));
    ///
    /// let bare = pressmark::wordpress::from_str::<pressmark::wordpress::Post>(r#"{"author":3}"#)?;
    /// assert_eq!((bare.author_profile().unwrap().id, bare.author_profile().unwrap().name), (Some(3), None));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn author_profile(&self) -> Option<PostAuthor<'a>> {
        self.author_from(self.embedded_objects().as_ref())
    }

    /// `_embedded`, read; `None` when absent or when it is not an embed
    /// object (its error is [`Lazy::read`](super::Lazy::read)'s).
    pub(crate) fn embedded_objects(&self) -> Option<Embedded<'a>> {
        self.embedded.as_ref().and_then(|e| e.read().ok())
    }

    /// [`Post::author_profile`] with `_embedded` read.
    pub(crate) fn author_from(&self, embedded: Option<&Embedded<'a>>) -> Option<PostAuthor<'a>> {
        let id = self.author.filter(|&id| id != 0);
        let embedded = embedded
            .and_then(|e| e.author.as_ref())
            .into_iter()
            .flatten()
            .filter_map(Embed::item);
        // The embed for this author, else the first one (`author` absent
        // from a `_fields` response).
        let user: Option<&User<'a>> = embedded
            .clone()
            .find(|u| id.is_some() && u.id == id)
            .or_else(|| embedded.clone().next());
        let yoast_name = self.yoast_head_json.as_ref().and_then(|y| y.author.clone());
        let author = PostAuthor {
            id: id.or_else(|| user.and_then(|u| u.id)),
            name: user.and_then(|u| u.name.clone()).or(yoast_name),
            link: user.and_then(|u| u.link.clone()),
            avatar: user.and_then(largest_avatar),
        };
        let known = author.id.is_some() || author.name.is_some();
        known.then_some(author)
    }

    /// The featured image: URL, alt text, size and generated sizes from the
    /// embedded `wp:featuredmedia` (or Jetpack's `jetpack_featured_media_url`),
    /// the id alone otherwise; `None` when the post has none
    /// (`featured_media: 0`).
    ///
    /// ```
    /// let post = pressmark::wordpress::from_str::<pressmark::wordpress::Post>(r#"{"featured_media":9,
    ///     "_embedded":{"wp:featuredmedia":[{"id":9,"alt_text":"A pier","source_url":"https://e.x/pier.jpg",
    ///     "media_details":{"width":1200,"height":800,"sizes":{"thumbnail":{"width":150,"height":150,
    ///     "source_url":"https://e.x/pier-150x150.jpg"}}}}]}}"#)?;
    /// let image = post.featured_image().unwrap();
    /// assert_eq!(image.url.as_deref(), Some("https://e.x/pier.jpg"));
    /// assert_eq!((image.alt.as_deref(), image.width), (Some("A pier"), Some(1200)));
    /// assert_eq!(image.sizes[0].name, "thumbnail");
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn featured_image(&self) -> Option<FeaturedImage<'a>> {
        self.featured_image_from(self.embedded_objects().as_ref())
    }

    /// [`Post::featured_image`] with `_embedded` read.
    pub(crate) fn featured_image_from(
        &self,
        embedded: Option<&Embedded<'a>>,
    ) -> Option<FeaturedImage<'a>> {
        let id = self.featured_media.filter(|&id| id != 0);
        let media = embedded
            .and_then(|e| e.featured_media.as_ref())
            .into_iter()
            .flatten()
            .filter_map(Embed::item)
            .find(|m| id.is_none() || m.id.is_none() || m.id == id);
        let jetpack = self
            .jetpack_featured_media_url
            .clone()
            .filter(|url| !url.is_empty());
        let Some(media) = media else {
            return (id.is_some() || jetpack.is_some()).then(|| FeaturedImage {
                id,
                url: jetpack,
                ..FeaturedImage::default()
            });
        };
        let details = media.media_details.as_ref();
        let sizes = details
            .and_then(|d| d.sizes.as_ref())
            .into_iter()
            .flat_map(|sizes| sizes.iter())
            .map(|(name, size): (&Text<'a>, &MediaSize<'a>)| ImageSize {
                name: name.clone(),
                url: size.source_url.clone(),
                width: size.width,
                height: size.height,
            })
            .collect();
        Some(FeaturedImage {
            id: id.or(media.id),
            url: media.source_url.clone().or(jetpack),
            alt: media.alt_text.clone().filter(|alt| !alt.is_empty()),
            width: details.and_then(|d| d.width),
            height: details.and_then(|d| d.height),
            sizes,
        })
    }

    /// The post's terms of `taxonomy` (`"category"`, `"post_tag"`, or a
    /// custom taxonomy's name), in the order of the post's ids, each with
    /// its name from `_embedded` when the post was fetched with `?_embed`.
    ///
    /// The ids come from `categories` and `tags`, or, for a custom
    /// taxonomy, from the field its `wp:term` link names (its REST base,
    /// such as `genres`) or the field named as the taxonomy.
    ///
    /// ```
    /// let post = pressmark::wordpress::from_str::<pressmark::wordpress::Post>(r#"{"categories":[4,7],
    ///     "_embedded":{"wp:term":[[{"id":4,"name":"Sea &amp; Coast","taxonomy":"category"}],[]]}}"#)?;
    /// let names: Vec<String> = post.terms("category").iter().map(|t| t.to_string()).collect();
    /// assert_eq!(names, ["Sea & Coast", "7"]); // 7 was not embedded: its id
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn terms(&self, taxonomy: &str) -> Vec<PostTerm<'a>> {
        self.terms_from(self.embedded_objects().as_ref(), taxonomy)
    }

    /// [`Post::terms`] with `_embedded` read.
    pub(crate) fn terms_from(
        &self,
        embedded: Option<&Embedded<'a>>,
        taxonomy: &str,
    ) -> Vec<PostTerm<'a>> {
        let embedded: Vec<&Term<'a>> = embedded
            .and_then(|e| e.terms.as_ref())
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(Embed::item)
            .filter(|t| t.taxonomy.as_deref() == Some(taxonomy))
            .collect();
        let term = |id: Option<u64>, found: Option<&Term<'a>>| PostTerm {
            id: id.or_else(|| found.and_then(|t| t.id)),
            name: found.and_then(Term::name_text),
            slug: found.and_then(|t| t.slug.clone()),
            link: found.and_then(|t| t.link.clone()),
        };
        match self.term_ids(taxonomy) {
            Some(ids) => ids
                .into_iter()
                .map(|id| {
                    term(
                        Some(id),
                        embedded.iter().copied().find(|t| t.id == Some(id)),
                    )
                })
                .collect(),
            None => embedded.into_iter().map(|t| term(None, Some(t))).collect(),
        }
    }

    /// [`Post::terms`] of `category`.
    #[must_use]
    pub fn category_terms(&self) -> Vec<PostTerm<'a>> {
        self.terms("category")
    }

    /// [`Post::terms`] of `post_tag`.
    #[must_use]
    pub fn tag_terms(&self) -> Vec<PostTerm<'a>> {
        self.terms("post_tag")
    }

    /// The ids of the post's terms of `taxonomy`, from the field that holds
    /// them; `None` when the post has no such field.
    fn term_ids(&self, taxonomy: &str) -> Option<Vec<u64>> {
        match taxonomy {
            "category" => return self.categories.as_ref().map(|ids| ids.as_slice().to_vec()),
            "post_tag" => return self.tags.as_ref().map(|ids| ids.as_slice().to_vec()),
            _ => {}
        }
        let links = self.links.as_ref().and_then(|links| links.read().ok());
        let rest_base = links
            .as_ref()
            .and_then(|links| links.get("wp:term"))
            .into_iter()
            .flatten()
            .find(|link| link.taxonomy.as_deref() == Some(taxonomy))
            .and_then(Link::href)
            .and_then(|href| rest_base(&href).map(str::to_owned));
        [rest_base.as_deref(), Some(taxonomy)]
            .into_iter()
            .flatten()
            .find_map(|key| self.extra.get(key)?.parse::<Vec<u64>>().ok())
    }
}

/// The last path segment of a `wp:term` link (`.../wp/v2/genres?post=1`,
/// or `?rest_route=/wp/v2/genres&post=1` on sites without pretty links):
/// the taxonomy's REST base, which is the post's field for its ids.
fn rest_base(href: &str) -> Option<&str> {
    let path = match href.split_once("rest_route=") {
        Some((_, route)) => route.split('&').next()?,
        None => href.split(['?', '#']).next()?,
    };
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
}

/// The URL of the largest avatar (keys are pixel sizes).
fn largest_avatar<'a>(user: &User<'a>) -> Option<Text<'a>> {
    user.avatar_urls
        .as_ref()?
        .iter()
        .max_by_key(|(size, _)| size.parse::<u32>().unwrap_or(0))
        .map(|(_, url)| url.clone())
}

impl<'a> Term<'a> {
    /// The name as plain text (WordPress sends `&amp;` for `&`).
    #[must_use]
    pub fn name_text(&self) -> Option<Text<'a>> {
        Some(text_of(self.name.as_ref()?, &TextOptions::inline()))
    }
}

#[cfg(test)]
mod tests {
    use super::rest_base;

    #[test]
    fn rest_base_is_the_last_path_segment() {
        for (href, base) in [
            ("https://e.x/wp-json/wp/v2/genres?post=1", Some("genres")),
            (
                "https://e.x/?rest_route=/wp/v2/genres&post=1",
                Some("genres"),
            ),
            ("https://e.x/wp-json/wp/v2/tags/", Some("tags")),
            ("", None),
        ] {
            assert_eq!(rest_base(href), base, "{href}");
        }
    }
}
