//! The descriptions of a site's post types, taxonomies and post statuses
//! (`/wp/v2/types`, `/wp/v2/taxonomies`, `/wp/v2/statuses`), every field
//! of core's schema in the view, edit and embed contexts.

use super::object::wp_object;
use super::{Lazy, Links, PhpMap, RawJson};
use crate::Text;

wp_object! {
    "post type"
    /// A post type's description (`/wp/v2/types/post`; `/wp/v2/types` sends
    /// them by name, read as [`Response::Keyed`](super::Response::Keyed)).
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, PostTypeObject};
    ///
    /// let json = r#"{"name":"Posts","slug":"post","rest_base":"posts","template":[["core/paragraph",{}]],
    ///     "template_lock":false,"has_archive":false,"taxonomies":["category","post_tag"]}"#;
    /// let post_type = wordpress::from_str::<PostTypeObject>(json)?;
    /// assert_eq!(post_type.rest_base.as_deref(), Some("posts"));
    /// assert_eq!(post_type.template.as_ref().unwrap().get(), r#"[["core/paragraph",{}]]"#);
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub struct PostTypeObject<'a> {
        /// The capabilities used by the post type, by name (edit context).
        capabilities: PhpMap<'a, Text<'a>> = "capabilities",
        /// A human-readable description.
        description: Text<'a> = "description",
        /// Whether it has parent and child posts (pages do).
        hierarchical: bool = "hierarchical",
        /// Whether it can be viewed on the front end (edit context).
        viewable: bool = "viewable",
        /// Its labels, by name; PHP sends `null` for some (edit context).
        labels: PhpMap<'a, Option<Text<'a>>> = "labels",
        /// Its title.
        name: Text<'a> = "name",
        /// Its alphanumeric identifier (`post`, `page`).
        slug: Text<'a> = "slug",
        /// The features it supports, by name (edit context).
        supports: PhpMap<'a, RawJson<'a>> = "supports",
        /// Whether it has an archive, or the archive's slug (a string or
        /// `false`).
        has_archive: RawJson<'a> = "has_archive",
        /// The taxonomies it uses.
        taxonomies: Vec<Text<'a>> = "taxonomies",
        /// The REST base route (`posts`).
        rest_base: Text<'a> = "rest_base",
        /// The REST namespace (`wp/v2`).
        rest_namespace: Text<'a> = "rest_namespace",
        /// Its visibility settings, by name (edit context).
        visibility: PhpMap<'a, bool> = "visibility",
        /// Its icon (a Dashicon name or a URL), or `null`.
        icon: Text<'a> = "icon",
        /// The block template new posts start from: block names with their
        /// attributes, nested (edit context).
        template: RawJson<'a> = "template",
        /// How the template is locked: `all`, `insert`, `contentOnly`, or
        /// `false` (edit context).
        template_lock: RawJson<'a> = "template_lock",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}

wp_object! {
    "taxonomy"
    /// A taxonomy's description (`/wp/v2/taxonomies/category`;
    /// `/wp/v2/taxonomies` sends them by name).
    pub struct TaxonomyObject<'a> {
        /// The capabilities used by the taxonomy, by name (edit context).
        capabilities: PhpMap<'a, Text<'a>> = "capabilities",
        /// A human-readable description.
        description: Text<'a> = "description",
        /// Whether it has parent and child terms (categories do).
        hierarchical: bool = "hierarchical",
        /// Its labels, by name; PHP sends `null` for some (edit context).
        labels: PhpMap<'a, Option<Text<'a>>> = "labels",
        /// Its title.
        name: Text<'a> = "name",
        /// Its alphanumeric identifier (`category`, `post_tag`).
        slug: Text<'a> = "slug",
        /// Whether it shows in the tag cloud widget (edit context).
        show_cloud: bool = "show_cloud",
        /// The post types it applies to.
        types: Vec<Text<'a>> = "types",
        /// The REST base route (`categories`).
        rest_base: Text<'a> = "rest_base",
        /// The REST namespace (`wp/v2`).
        rest_namespace: Text<'a> = "rest_namespace",
        /// Its visibility settings, by name (edit context).
        visibility: PhpMap<'a, bool> = "visibility",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}

wp_object! {
    "post status"
    /// A post status's description (`/wp/v2/statuses/publish`;
    /// `/wp/v2/statuses` sends them by name).
    pub struct PostStatusObject<'a> {
        /// Its title.
        name: Text<'a> = "name",
        /// Whether posts with it are private (edit context).
        private: bool = "private",
        /// Whether posts with it are protected (edit context).
        protected: bool = "protected",
        /// Whether posts with it are public.
        public: bool = "public",
        /// Whether posts with it are queryable.
        queryable: bool = "queryable",
        /// Whether it shows in the post list (edit context).
        show_in_list: bool = "show_in_list",
        /// Its alphanumeric identifier (`publish`).
        slug: Text<'a> = "slug",
        /// Whether posts with it have floating published dates.
        date_floating: bool = "date_floating",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}
