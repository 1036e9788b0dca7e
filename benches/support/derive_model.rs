//! A plain `#[derive(Deserialize)]` model of the same post, as a user would
//! write it without this crate: borrowed `Cow` strings, maps for `_links`
//! and Yoast's maps, raw JSON for the HTML fields and the schema. It
//! keeps no unknown keys, cannot write the post back, and reads no dates;
//! it is here to show what any typed serde_json model costs on this input.

#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::value::RawValue;

type Str<'a> = Option<Cow<'a, str>>;

#[derive(Deserialize)]
pub struct Post<'a> {
    id: Option<u64>,
    #[serde(borrow)]
    date: Str<'a>,
    #[serde(borrow)]
    date_gmt: Str<'a>,
    #[serde(borrow)]
    guid: Option<Rendered<'a>>,
    #[serde(borrow)]
    modified: Str<'a>,
    #[serde(borrow)]
    modified_gmt: Str<'a>,
    #[serde(borrow)]
    slug: Str<'a>,
    #[serde(borrow)]
    status: Str<'a>,
    #[serde(rename = "type", borrow)]
    post_type: Str<'a>,
    #[serde(borrow)]
    link: Str<'a>,
    #[serde(borrow)]
    title: Option<Rendered<'a>>,
    #[serde(borrow)]
    content: Option<Rendered<'a>>,
    #[serde(borrow)]
    excerpt: Option<Rendered<'a>>,
    author: Option<u64>,
    featured_media: Option<u64>,
    #[serde(borrow)]
    comment_status: Str<'a>,
    #[serde(borrow)]
    ping_status: Str<'a>,
    sticky: Option<bool>,
    #[serde(borrow)]
    template: Str<'a>,
    #[serde(borrow)]
    format: Str<'a>,
    /// Raw: PHP sends an empty map as `[]`, which a map type rejects.
    #[serde(borrow)]
    meta: Option<&'a RawValue>,
    categories: Option<Vec<u64>>,
    tags: Option<Vec<u64>>,
    #[serde(borrow)]
    class_list: Option<Vec<Cow<'a, str>>>,
    #[serde(borrow)]
    yoast_head: Option<&'a RawValue>,
    #[serde(borrow)]
    yoast_head_json: Option<Yoast<'a>>,
    #[serde(rename = "_links", borrow)]
    links: Option<BTreeMap<Cow<'a, str>, Vec<Link<'a>>>>,
}

impl Post<'_> {
    pub fn id(&self) -> Option<u64> {
        self.id
    }
}

#[derive(Deserialize)]
struct Rendered<'a> {
    #[serde(borrow)]
    rendered: Option<&'a RawValue>,
    protected: Option<bool>,
}

#[derive(Deserialize)]
struct Link<'a> {
    #[serde(borrow)]
    href: Str<'a>,
    embeddable: Option<bool>,
    templated: Option<bool>,
    #[serde(borrow)]
    name: Str<'a>,
    count: Option<u64>,
    id: Option<u64>,
    #[serde(borrow)]
    taxonomy: Str<'a>,
    #[serde(rename = "targetHints", borrow)]
    target_hints: Option<BTreeMap<Cow<'a, str>, Vec<Cow<'a, str>>>>,
}

#[derive(Deserialize)]
struct Yoast<'a> {
    #[serde(borrow)]
    title: Str<'a>,
    #[serde(borrow)]
    description: Str<'a>,
    #[serde(borrow)]
    robots: Option<BTreeMap<Cow<'a, str>, Cow<'a, str>>>,
    #[serde(borrow)]
    canonical: Str<'a>,
    #[serde(borrow)]
    og_locale: Str<'a>,
    #[serde(borrow)]
    og_type: Str<'a>,
    #[serde(borrow)]
    og_title: Str<'a>,
    #[serde(borrow)]
    og_description: Str<'a>,
    #[serde(borrow)]
    og_url: Str<'a>,
    #[serde(borrow)]
    og_site_name: Str<'a>,
    #[serde(borrow)]
    article_published_time: Str<'a>,
    #[serde(borrow)]
    article_modified_time: Str<'a>,
    #[serde(borrow)]
    og_image: Option<Vec<OgImage<'a>>>,
    #[serde(borrow)]
    author: Str<'a>,
    #[serde(borrow)]
    twitter_card: Str<'a>,
    #[serde(borrow)]
    twitter_misc: Option<BTreeMap<Cow<'a, str>, Cow<'a, str>>>,
    #[serde(borrow)]
    schema: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct OgImage<'a> {
    width: Option<u64>,
    height: Option<u64>,
    #[serde(borrow)]
    url: Str<'a>,
    #[serde(rename = "type", borrow)]
    mime: Str<'a>,
}
