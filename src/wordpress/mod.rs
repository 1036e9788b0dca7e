//! WordPress REST API JSON (`/wp-json/wp/v2/...`) as typed, borrowing values.
//!
//! [`from_str`] reads any [`Resource`]: a [`Post`] (posts, pages and custom
//! post types), a [`Media`] item, a [`Term`], a [`User`], a [`Comment`], a
//! collection of them (`Vec<Post>`), or a [`Response`] when you do not know
//! what the response holds. [`items`] reads a collection one object at a
//! time; [`items_from_reader`] and [`items_from_path`] do so from a file or
//! any reader without holding the input whole.
//!
//! Strings borrow from the input where the JSON has no escapes; the large
//! rendered HTML fields are [`JsonStr`]s, decoded only when asked for. Keys
//! the model does not know are kept, in order, as [`RawJson`] in each
//! object's `extra`, and serializing a value writes the input back (equal as
//! a JSON value).
//!
//! Real responses are not always clean JSON: a UTF-8 BOM, a JSONP wrapper,
//! the `_envelope` form, raw newlines inside strings (repaired by default,
//! see [`ReadOptions`]), `meta: []` for an empty map ([`PhpMap`]), `class_list`
//! as an object ([`PhpList`]), numbers sent as strings, zero dates
//! ([`DateTime`]) all read.
//!
//! # Examples
//!
//! ```
//! use pressmark::wordpress::{self, Post};
//!
//! let json = "{\"id\":1192,\"date\":\"2023-05-17T08:42:31\",\"date_gmt\":\"2023-05-17T06:42:31\",
//!   \"link\":\"https:\\/\\/example.com\\/clearview\\/\",\"title\":{\"rendered\":\"Clearview AI fined\"},
//!   \"content\":{\"rendered\":\"<p>The CNIL\nfined Clearview.<\\/p>\"}}";
//! let parsed = wordpress::from_str::<Post>(json)?;
//! assert_eq!(parsed.link.as_deref(), Some("https://example.com/clearview/"));
//! assert_eq!(parsed.title_html().unwrap(), "Clearview AI fined");
//! assert_eq!(parsed.published().unwrap().offset(), time::macros::offset!(+2));
//! assert_eq!(parsed.repairs().unwrap().count(), 1); // the raw newline
//! # Ok::<(), pressmark::Error>(())
//! ```

mod date;
mod descriptions;
mod element_scan;
mod embedded;
mod enums;
mod error_path;
mod input;
mod json;
pub(crate) mod key_table;
#[cfg(test)]
mod key_tests;
pub(crate) mod kind;
mod lazy;
pub(crate) mod lenient;
mod links;
mod menu_item;
pub(crate) mod object;
mod parse;
mod parsed;
pub(crate) mod php;
mod plugins;
mod post;
#[cfg(feature = "html")]
mod post_related;
mod raw;
mod read_options;
#[cfg(feature = "html")]
mod rendered_text;
mod repair;
mod resources;
mod scan_blocks;
mod site;
mod stream;
mod template;
mod woocommerce;
mod yoast_json;

pub use date::{DateTime, DateValue, LocalDateTime, ZonedDateTime};
pub use descriptions::{PostStatusObject, PostTypeObject, TaxonomyObject};
pub use embedded::{Embed, Embedded};
pub use enums::{Discussion, PostFormat, PostType, Status};
pub use kind::{Kind, Object, Response};
pub use lazy::{Lazy, LazyModel};
pub use links::{Link, Links};
pub use menu_item::MenuItem;
pub use object::Extra;
pub use parse::{
    Items, OwnedResource, Resource, from_reader, from_slice, from_slice_owned, from_slice_with,
    from_str, from_str_with, items,
};
pub use parsed::{Envelope, FailedItem, Parsed};
pub use php::{PhpList, PhpMap};
pub use plugins::{AcfFields, AioseoHeadJson, WpmlTranslation};
pub use post::{Post, Rendered};
#[cfg(feature = "html")]
pub use post_related::{FeaturedImage, ImageSize, PostAuthor, PostTerm};
pub use raw::{JsonStr, RawJson};
pub use read_options::ReadOptions;
pub use repair::Repairs;
pub use resources::{ApiError, ApiErrorData, Comment, Media, MediaDetails, MediaSize, Term, User};
pub use site::{SearchResult, Settings};
pub use stream::{ItemReader, RawItem, RawItems, items_from_path, items_from_reader, raw_items};
pub(crate) use stream::{open_collection, open_file};
pub use template::Template;
pub use woocommerce::{Product, ProductAttribute, ProductImage, ProductPrices, ProductTerm};
pub use yoast_json::{OgImage, YoastHeadJson};
