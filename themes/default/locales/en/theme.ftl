# UI strings of the brochure default theme — English.
# A site can override any of these ids in its own locales/en/*.ftl.
# The company-* messages (company-name, company-tagline, company-intro, company-address,
# company-phone, company-email) belong to the site, not to the theme.

## Accessibility and navigation
skip-to-content = Skip to main content
nav-main-label = Main navigation
nav-categories-label = Product categories
language-switcher-label = Language
nav-products = Products
nav-news = News
breadcrumbs-label = Breadcrumb
breadcrumbs-home = Home

## Home page
hero-cta-products = Explore our machines
hero-cta-contact = Contact sales
home-categories-title = Product range
home-featured-title = Featured machines
home-news-title = Latest news
all-products = All products
all-news = All news

## Counts
product-count =
    { $count ->
        [one] { $count } product
       *[other] { $count } products
    }
article-count =
    { $count ->
        [one] { $count } article
       *[other] { $count } articles
    }

## Product lists and categories
products-jump-label = Jump to a category
search-label = Search the site
search-placeholder = Search machines and news
search-results = Search results
search-none = Nothing found. Try another word, or browse all products.
filter-title = Narrow the list
filter-category = Category
filter-all = All categories
filter-from = from
filter-to = to
filter-status = Showing { $shown } of { $total }
filter-reset = Show all
compare-title = Compare products
compare-intro = Specifications side by side. Rows where the machines differ are highlighted.
compare-add = Compare
compare-go = Compare ({ $count })
compare-clear = Clear
compare-limit = You can compare up to { $max } products. Remove one first.
compare-remove = Remove { $model } from the comparison
compare-empty = Choose two to four products to compare: tick “Compare” on the product list.
compare-one = Add at least one more product to compare: tick “Compare” on the product list.
compare-needs-js = The comparison table is built in your browser and needs JavaScript. Each product page lists its full specifications.
compare-only-differences = Show only differences
compare-print = Print
compare-missing = Not found: { $ids }
compare-differs = differs
products-intro = Every machine we build, by category, with its specifications and a datasheet to download.
category-products-title = Products in { $category }
no-products = There are no products in this category yet.

## Product page
product-overview = Overview
features-title = Key features
specs-title = Specifications
specs-jump = View specifications
specs-caption = Technical specifications of { $product }
spec-parameter = Parameter
spec-value = Value
spec-unit = Unit
product-inquiry = Request a quote
quote-subject = Price request: { $model }
quote-body =
    Hello,

    please send us a quotation for:
    { $model }
    { $url }

    Quantity:
    Delivery to (city, country):
    Company and contact person:
quote-form-title = Ask for a price here
quote-form-name = Your name
quote-form-company = Company
quote-form-email = E-mail
quote-form-phone = Phone
quote-form-message = Quantity, delivery city and anything else we should know
quote-form-send = Send the request
related-news = Related news
back-to-category = More { $category }
datasheet-download = Download datasheet (PDF, { $size } KB)
catalog-download = Download the { $title } (PDF, { $size } KB)

## News
news-list-title = Articles
published = Published
read-more = Read more
products-mentioned = Products mentioned
back-to-news = Back to all news
no-news = No news has been published yet.
feed-title = News
feed-link = News feed (Atom)

## Pagination
pagination-label = Pagination
pagination-status = Page { $current } of { $total }
pagination-prev = Previous
pagination-next = Next
pagination-page = Page { $number }

## Footer
footer-contacts = Contacts
footer-company = Company
footer-phone = Phone:
footer-email = Email:
footer-rights = © { $year } { $company } · All rights reserved.

## Error page
not-found-title = Page not found
not-found-text = Sorry, the page you are looking for does not exist or has moved. Try the home page in your language or browse our products.
not-found-languages = Choose a language
not-found-products = Browse products

## Print: brochures and datasheets
brochure-catalog-title = Product Catalog
brochure-contents = Contents
brochure-scan-qr = Scan for details online
brochure-notes = Notes
datasheet-online = Full details, more languages and the latest data online:

## Product pictures: the gallery, and the link to a picture's large copy (zoom)
photo-gallery = Pictures
photo-zoom = Open the large picture
