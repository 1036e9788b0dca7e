//! [`Template`]: a block theme's template or template part
//! (`/wp/v2/templates`, `/wp/v2/template-parts`).

use super::object::wp_object;
use super::{Lazy, Links, LocalDateTime, Rendered, Status};
use crate::Text;

wp_object! {
    "template"
    /// A block template or template part, every field of core's schema in
    /// the view, edit and embed contexts. Its id is a string,
    /// `theme//slug`.
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, Kind, Object, Response};
    ///
    /// let json = r#"{"id":"tides//home","theme":"tides","type":"wp_template","slug":"home",
    ///     "source":"theme","origin":null,"content":{"raw":"<!-- wp:post-title /-->","block_version":1},
    ///     "title":{"raw":"Home","rendered":"Home"},"wp_id":null,"is_custom":false}"#;
    /// let response = wordpress::from_str::<Response>(json)?;
    /// let Some(Object::Template(template)) = response.objects().next() else { panic!() };
    /// assert_eq!(template.id.as_deref(), Some("tides//home"));
    /// assert_eq!(template.content.as_ref().unwrap().block_version, Some(1));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub struct Template<'a> {
        /// Its id: `theme//slug`.
        id: Text<'a> = "id",
        /// Its slug (`home`, `header`).
        slug: Text<'a> = "slug",
        /// The theme it belongs to.
        theme: Text<'a> = "theme",
        /// `wp_template` or `wp_template_part`.
        template_type: Text<'a> = "type",
        /// Where it comes from: `theme`, `plugin` or `custom`.
        source: Text<'a> = "source",
        /// Where it came from before it was customised.
        origin: Text<'a> = "origin",
        /// Its blocks (`raw`, and their `block_version`).
        content: Rendered<'a> = "content" [object],
        /// Its title.
        title: Rendered<'a> = "title" [object],
        /// Its description.
        description: Text<'a> = "description",
        /// Its status.
        status: Status<'a> = "status",
        /// The id of the post that stores its customisation.
        wp_id: u64 = "wp_id" [lenient],
        /// Whether the theme has a file for it.
        has_theme_file: bool = "has_theme_file",
        /// Its author's user id.
        author: u64 = "author" [lenient],
        /// When it was last modified, site-local.
        modified: LocalDateTime<'a> = "modified",
        /// Whether it is a custom template (templates only).
        is_custom: bool = "is_custom",
        /// Its area: `header`, `footer`, `uncategorized` (template parts
        /// only).
        area: Text<'a> = "area",
        /// The plugin that registered it.
        plugin: Text<'a> = "plugin",
        /// Who it is by, as text (a theme's or plugin's name).
        author_text: Text<'a> = "author_text",
        /// Where its original came from: `theme`, `plugin`, `site`, `user`.
        original_source: Text<'a> = "original_source",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}
