//! Plain text of the aggregator's titles and excerpts (feature `html`):
//! entities decoded, `&nbsp;` and stray U+00A0 trimmed, one line.

use super::{Item, NewsItem, Related};
use crate::Text;
use crate::html::{TextOptions, text_of};

impl<'a> NewsItem<'a> {
    /// The title as one line of plain text.
    ///
    /// ```
    /// let input = "---\ncategory: news\ntitle: \"\u{a0}Q&amp;A: the&nbsp;fine \"\nexcerpt: x\n\
    ///     publishedDateTime: 2022-10-24T21:10:00Z\ntype: article\nprovider:\n  name: T\n\
    ///     topics: []\nsecured: s\n---\n";
    /// let item = pressmark::frontmatter::news_item(input)?.into_value();
    /// assert_eq!(item.title_text(), "Q&A: the fine");
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn title_text(&self) -> Text<'a> {
        text_of(&self.title, &TextOptions::inline())
    }

    /// The excerpt as one line of plain text.
    #[must_use]
    pub fn excerpt_text(&self) -> Text<'a> {
        text_of(&self.excerpt, &TextOptions::inline())
    }
}

impl<'a> Related<'a> {
    /// The title as one line of plain text.
    #[must_use]
    pub fn title_text(&self) -> Text<'a> {
        text_of(&self.title, &TextOptions::inline())
    }

    /// The excerpt as one line of plain text.
    #[must_use]
    pub fn excerpt_text(&self) -> Option<Text<'a>> {
        Some(text_of(self.excerpt.as_ref()?, &TextOptions::inline()))
    }
}

impl<'a> Item<'a> {
    /// The title (`title`, or `name` for people and communities) as one line
    /// of plain text.
    #[must_use]
    pub fn title_text(&self) -> Option<Text<'a>> {
        Some(text_of(
            self.title.as_ref().or(self.name.as_ref())?,
            &TextOptions::inline(),
        ))
    }

    /// The excerpt as one line of plain text.
    #[must_use]
    pub fn excerpt_text(&self) -> Option<Text<'a>> {
        Some(text_of(self.excerpt.as_ref()?, &TextOptions::inline()))
    }
}
