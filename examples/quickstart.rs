use pressmark::time::format_description::well_known::Rfc3339;
use pressmark::wordpress::{self, Post};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = std::fs::read("tests/fixtures/wordpress/posts.json")?;
    let posts = wordpress::from_slice::<Vec<Post>>(&bytes)?;
    for post in posts.iter() {
        let date = match post.published() {
            Some(date) => date.format(&Rfc3339)?,
            None => "not published".to_string(),
        };
        let author = match post.author_profile() {
            Some(author) => author.to_string(),
            None => "unknown".to_string(),
        };
        let image = match post.featured_image().and_then(|image| image.url) {
            Some(url) => url.to_string(),
            None => "none".to_string(),
        };
        let categories: Vec<String> = post
            .category_terms()
            .iter()
            .map(|c| c.to_string())
            .collect();

        println!("# {}", post.title_text().unwrap_or_default());
        println!("published:  {date}");
        println!("author:     {author}");
        println!("image:      {image}");
        println!("categories: {}", categories.join(", "));
        println!();
        println!("{}", post.content_text().unwrap_or_default());
        println!();
    }
    Ok(())
}
