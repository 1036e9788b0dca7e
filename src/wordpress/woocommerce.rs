//! [`Product`]: a WooCommerce product, from its REST API (`wc/v3`) or its
//! Store API (`wc/store/v1`), typed for what an index or a dataset needs;
//! every other key is kept in `extra`.

use super::object::wp_object;
use super::{JsonStr, Lazy, Links, LocalDateTime, Status};
use crate::Text;

wp_object! {
    "product"
    /// A WooCommerce product: the `wc/v3` shape (`price`, `regular_price`,
    /// `stock_status`, dates) or the Store API's (`prices`,
    /// `is_in_stock`, `stock_availability`) — both read into this model,
    /// the fields of the other left `None`.
    ///
    /// Prices are kept as written: `wc/v3` sends decimal strings in the
    /// store's currency (`"19.99"`), the Store API integer strings in
    /// minor units (`"1999"`, with [`ProductPrices::currency_minor_unit`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use pressmark::wordpress::{self, Kind, Response};
    ///
    /// let json = r#"[{"id":9,"name":"Tide clock","slug":"tide-clock","permalink":"https://e.x/p/tide-clock/",
    ///     "type":"simple","sku":"TC-1","price":"19.99","regular_price":"24.00","sale_price":"19.99",
    ///     "stock_status":"instock","categories":[{"id":3,"name":"Clocks","slug":"clocks"}]}]"#;
    /// let response = wordpress::from_str::<Response>(json)?;
    /// let product = response.products().next().unwrap();
    /// assert_eq!(product.price.as_deref(), Some("19.99"));
    /// assert_eq!(product.categories.as_ref().unwrap()[0].name.as_deref(), Some("Clocks"));
    /// # Ok::<(), pressmark::Error>(())
    /// ```
    pub struct Product<'a> {
        /// The product's id.
        id: u64 = "id" [lenient],
        /// Its name.
        name: Text<'a> = "name",
        /// Its URL slug.
        slug: Text<'a> = "slug",
        /// Its page's URL.
        permalink: Text<'a> = "permalink",
        /// `simple`, `variable`, `grouped`, `external` (and `variation` for
        /// a variation in the Store API).
        product_type: Text<'a> = "type",
        /// Its status (`wc/v3`).
        status: Status<'a> = "status",
        /// Whether it is featured (`wc/v3`).
        featured: bool = "featured",
        /// Its description, as HTML.
        description: JsonStr<'a> = "description",
        /// Its short description, as HTML.
        short_description: JsonStr<'a> = "short_description",
        /// Its stock-keeping unit.
        sku: Text<'a> = "sku",
        /// Its current price (`wc/v3`).
        price: Text<'a> = "price",
        /// Its regular price (`wc/v3`).
        regular_price: Text<'a> = "regular_price",
        /// Its sale price (`wc/v3`).
        sale_price: Text<'a> = "sale_price",
        /// Its prices (Store API).
        prices: ProductPrices<'a> = "prices" [object],
        /// Its price as HTML.
        price_html: JsonStr<'a> = "price_html",
        /// Whether it is on sale.
        on_sale: bool = "on_sale",
        /// `instock`, `outofstock` or `onbackorder` (`wc/v3`).
        stock_status: Text<'a> = "stock_status",
        /// How many are in stock, when stock is managed (`wc/v3`).
        stock_quantity: i64 = "stock_quantity" [lenient],
        /// Whether it is in stock (Store API).
        is_in_stock: bool = "is_in_stock",
        /// Whether it can be bought (Store API).
        is_purchasable: bool = "is_purchasable",
        /// Its categories.
        categories: Vec<ProductTerm<'a>> = "categories",
        /// Its tags.
        tags: Vec<ProductTerm<'a>> = "tags",
        /// Its images, the main one first.
        images: Vec<ProductImage<'a>> = "images",
        /// Its attributes (colour, size).
        attributes: Vec<ProductAttribute<'a>> = "attributes",
        /// Its average rating, as written (`"4.50"`).
        average_rating: Text<'a> = "average_rating",
        /// How many ratings it has (`wc/v3`).
        rating_count: u64 = "rating_count" [lenient],
        /// How many reviews it has (Store API).
        review_count: u64 = "review_count" [lenient],
        /// When it was created, site-local (`wc/v3`).
        date_created: LocalDateTime<'a> = "date_created",
        /// When it was created, UTC (`wc/v3`).
        date_created_gmt: LocalDateTime<'a> = "date_created_gmt",
        /// When it was last modified, site-local (`wc/v3`).
        date_modified: LocalDateTime<'a> = "date_modified",
        /// When it was last modified, UTC (`wc/v3`).
        date_modified_gmt: LocalDateTime<'a> = "date_modified_gmt",
        /// Hypermedia links, read on first access.
        links: Lazy<'a, Links<'a>> = "_links",
    }
}

wp_object! {
    "product prices"
    /// A product's prices in the Store API, as written: integer strings in
    /// minor units.
    pub struct ProductPrices<'a> {
        /// The current price.
        price: Text<'a> = "price",
        /// The regular price.
        regular_price: Text<'a> = "regular_price",
        /// The sale price.
        sale_price: Text<'a> = "sale_price",
        /// The ISO 4217 currency code (`EUR`).
        currency_code: Text<'a> = "currency_code",
        /// The currency's symbol.
        currency_symbol: Text<'a> = "currency_symbol",
        /// How many digits are minor units (`2`: `"1999"` is 19.99).
        currency_minor_unit: u32 = "currency_minor_unit" [lenient],
        /// The decimal separator.
        currency_decimal_separator: Text<'a> = "currency_decimal_separator",
        /// The thousands separator.
        currency_thousand_separator: Text<'a> = "currency_thousand_separator",
        /// What goes before an amount.
        currency_prefix: Text<'a> = "currency_prefix",
        /// What goes after an amount.
        currency_suffix: Text<'a> = "currency_suffix",
    }
}

wp_object! {
    "product term"
    /// A product's category or tag.
    pub struct ProductTerm<'a> {
        /// The term's id.
        id: u64 = "id" [lenient],
        /// Its name.
        name: Text<'a> = "name",
        /// Its URL slug.
        slug: Text<'a> = "slug",
        /// Its archive's URL (Store API).
        link: Text<'a> = "link",
    }
}

wp_object! {
    "product image"
    /// A product's image.
    pub struct ProductImage<'a> {
        /// The media id.
        id: u64 = "id" [lenient],
        /// The full-size file's URL.
        src: Text<'a> = "src",
        /// A thumbnail's URL (Store API).
        thumbnail: Text<'a> = "thumbnail",
        /// Its name.
        name: Text<'a> = "name",
        /// Its alternative text.
        alt: Text<'a> = "alt",
    }
}

wp_object! {
    "product attribute"
    /// A product's attribute (colour, size), with its values.
    pub struct ProductAttribute<'a> {
        /// The attribute's id (`0` for one defined on the product alone).
        id: u64 = "id" [lenient],
        /// Its name.
        name: Text<'a> = "name",
        /// Its taxonomy (`pa_color`; Store API).
        taxonomy: Text<'a> = "taxonomy",
        /// Its position among the product's attributes (`wc/v3`).
        position: u64 = "position" [lenient],
        /// Whether it shows on the product page (`wc/v3`).
        visible: bool = "visible",
        /// Whether variations use it (`wc/v3`).
        variation: bool = "variation",
        /// Whether variations use it (Store API).
        has_variations: bool = "has_variations",
        /// Its values (`wc/v3`).
        options: Vec<Text<'a>> = "options",
        /// Its values (Store API).
        terms: Vec<ProductTerm<'a>> = "terms",
    }
}

impl Product<'_> {
    /// When it was created, at the site's UTC offset (`wc/v3`:
    /// `date_created_gmt`, shown at `date_created` − `date_created_gmt`).
    #[must_use]
    pub fn created_at(&self) -> Option<time::OffsetDateTime> {
        super::post::instant(self.date_created.as_ref(), self.date_created_gmt.as_ref())
    }

    /// When it was last modified, at the site's UTC offset (`wc/v3`).
    #[must_use]
    pub fn modified_at(&self) -> Option<time::OffsetDateTime> {
        super::post::instant(self.date_modified.as_ref(), self.date_modified_gmt.as_ref())
    }
}
