//! [`ArticleOptions`]: which objects of a response become articles.

/// Which objects of a WordPress response become articles, for
/// [`Content::articles_with`](crate::Content::articles_with).
///
/// Posts, pages, custom post types and WooCommerce products always do;
/// media, terms, users, settings and the other kinds never do.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ArticleOptions {
    /// Revisions and autosaves too: versions of a post, each an article of
    /// its own (with the id of the version, not of the post). Default:
    /// `false`.
    pub revisions: bool,
}
