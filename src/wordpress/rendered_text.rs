//! Plain text of the fields WordPress sends as HTML (feature `html`).

use super::{Post, Product, YoastHeadJson};
use crate::Text;
use crate::html::{TextOptions, text_of};

fn html_text<'a>(html: Text<'a>, options: &TextOptions) -> Text<'a> {
    text_of(&html, options)
}

impl<'a> Post<'a> {
    /// The title as one line of plain text: entities decoded, tags dropped.
    ///
    /// ```
    /// use pressmark::wordpress::{self, Post};
    ///
    /// let post = wordpress::from_str::<Post>(
    ///     r#"{"title":{"rendered":"Don&#8217;t panic &#038; <em>carry on<\/em>"}}"#,
    /// )?;
    /// assert_eq!(post.title_text().unwrap(), "Don’t panic & carry on");
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn title_text(&self) -> Option<Text<'a>> {
        Some(html_text(self.title_html()?, &TextOptions::inline()))
    }

    /// The excerpt as plain text, without WordPress's screen-reader text and
    /// "Continue reading" link.
    #[must_use]
    pub fn excerpt_text(&self) -> Option<Text<'a>> {
        Some(html_text(self.excerpt_html()?, &TextOptions::excerpt()))
    }

    /// The content as plain text: paragraphs separated by blank lines.
    ///
    /// ```
    /// use pressmark::wordpress::{self, Post};
    ///
    /// let post = wordpress::from_str::<Post>(
    ///     r#"{"content":{"rendered":"<p>One.<\/p>\n<ul><li>a<\/li><li>b<\/li><\/ul>"}}"#,
    /// )?;
    /// assert_eq!(post.content_text().unwrap(), "One.\n\n- a\n- b");
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn content_text(&self) -> Option<Text<'a>> {
        Some(html_text(self.content_html()?, &TextOptions::default()))
    }
}

impl<'a> YoastHeadJson<'a> {
    /// The document title as plain text.
    #[must_use]
    pub fn title_text(&self) -> Option<Text<'a>> {
        Some(html_text(self.title.clone()?, &TextOptions::inline()))
    }

    /// The meta description as plain text.
    #[must_use]
    pub fn description_text(&self) -> Option<Text<'a>> {
        Some(html_text(self.description.clone()?, &TextOptions::inline()))
    }

    /// The Open Graph title as plain text.
    #[must_use]
    pub fn og_title_text(&self) -> Option<Text<'a>> {
        Some(html_text(self.og_title.clone()?, &TextOptions::inline()))
    }

    /// The Open Graph description as plain text.
    #[must_use]
    pub fn og_description_text(&self) -> Option<Text<'a>> {
        Some(html_text(
            self.og_description.clone()?,
            &TextOptions::inline(),
        ))
    }
}

impl<'a> Product<'a> {
    /// The name as one line of plain text (WooCommerce sends `&amp;`).
    #[must_use]
    pub fn name_text(&self) -> Option<Text<'a>> {
        Some(html_text(self.name.clone()?, &TextOptions::inline()))
    }

    /// The short description as plain text.
    #[must_use]
    pub fn short_description_text(&self) -> Option<Text<'a>> {
        let html = self.short_description.as_ref()?.decode();
        Some(html_text(html, &TextOptions::default()))
    }

    /// The description as plain text: paragraphs separated by blank lines.
    ///
    /// ```
    /// use pressmark::wordpress::{self, Product};
    ///
    /// let product = wordpress::from_str::<Product>(
    ///     r#"{"id":9,"sku":"TC-1","regular_price":"24","stock_status":"instock",
    ///         "description":"<p>Tells the tide.<\/p><p>Battery &amp; all.<\/p>"}"#,
    /// )?;
    /// assert_eq!(product.description_text().unwrap(), "Tells the tide.\n\nBattery & all.");
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    #[must_use]
    pub fn description_text(&self) -> Option<Text<'a>> {
        let html = self.description.as_ref()?.decode();
        Some(html_text(html, &TextOptions::default()))
    }
}
