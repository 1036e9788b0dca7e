//! [`ArticleOptions`]: which objects of a response become articles, and
//! what they hold.

/// Which objects of a WordPress response become articles, and whether
/// they carry the body as Markdown, for
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
    /// The body as Markdown too, in
    /// [`Article::body_markdown`](crate::article::Article::body_markdown):
    /// a post's `content.rendered` and a product's `description` converted
    /// from HTML; a front-matter file's body as written (it is Markdown
    /// already), trimmed, or converted when it is HTML (it starts with
    /// `<`). Unlike `body`, it never falls back to the excerpt. Default:
    /// `false`.
    pub body_markdown: bool,
}
