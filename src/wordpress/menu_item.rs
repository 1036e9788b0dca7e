//! [`MenuItem`]: an item of a classic menu (`/wp/v2/menu-items`).

use super::object::wp_object;
use super::{Lazy, Links, PhpMap, RawJson, Rendered, Status};
use crate::Text;

wp_object! {
    "menu item"
    /// A menu item (`/wp/v2/menu-items`), every field of core's schema in
    /// the view, edit and embed contexts.
    pub struct MenuItem<'a> {
        /// The item's id.
        id: u64 = "id" [lenient],
        /// Its title (`rendered`, and `raw` in the edit context).
        title: Rendered<'a> = "title" [object],
        /// The family of objects it links to: `taxonomy`, `post_type`,
        /// `post_type_archive` or `custom`.
        item_type: Text<'a> = "type",
        /// The singular label of what it links to (`Page`, `Custom Link`).
        type_label: Text<'a> = "type_label",
        /// Its status (`publish`).
        status: Status<'a> = "status",
        /// The parent item's id; `0` at the top level.
        parent: u64 = "parent" [lenient],
        /// The `title` attribute of its link.
        attr_title: Text<'a> = "attr_title",
        /// The CSS classes of its element.
        classes: Vec<Text<'a>> = "classes",
        /// Its description.
        description: Text<'a> = "description",
        /// Its position in the menu.
        menu_order: i64 = "menu_order" [lenient],
        /// The type of what it links to (`page`, `category`, `custom`).
        object: Text<'a> = "object",
        /// The id of what it links to.
        object_id: u64 = "object_id" [lenient],
        /// The link's `target` attribute.
        target: Text<'a> = "target",
        /// The URL it links to.
        url: Text<'a> = "url",
        /// The link's XFN relations.
        xfn: Vec<Text<'a>> = "xfn",
        /// Whether what it links to is gone (a deleted page).
        invalid: bool = "invalid",
        /// The id of the menu it is in.
        menus: u64 = "menus" [lenient],
        /// Registered meta fields.
        meta: PhpMap<'a, RawJson<'a>> = "meta",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}
