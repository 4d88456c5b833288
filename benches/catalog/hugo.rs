//! The same catalog as a multilingual Hugo site, for side-by-side timing.
//!
//! Layouts are minimal but do the same work per page as brochure's default theme: a base
//! template with the language switcher, the main menu and the category bar; product pages with
//! the spec table (labels and units translated, numbers formatted for the language), features,
//! related news and JSON-LD; category pages with 24 products per page and windowed pagination;
//! all products by category; news with 10 per page; articles with the products they mention;
//! a home page with categories, featured products and the latest news; one RSS feed of the news
//! per language (like brochure's Atom feed) and the sitemap. `@/…` links in Markdown are resolved
//! by a render hook (and a broken one is an error), as brochure resolves them.
//! Texts come from the same [`Catalog`]; the UI strings and spec labels from the same Fluent
//! files (single-line messages, turned into Hugo i18n tables).

use super::pools::CATEGORIES;
use super::{
    Catalog, Generated, LANGS, Product, SpecValue, copy_dir, example_pages, write, yaml_str,
};
use std::fmt::Write as _;
use std::io;
use std::path::Path;

const HUGO_TOML: &str = r##"# A generated catalog for benchmarks (benches/catalog): the brochure example as a Hugo site.
baseURL = "https://www.shiqiao-heavy.example/"
title = "Shiqiao Heavy Industry"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy"]
enableRobotsTXT = true
buildFuture = true

[pagination]
  pagerSize = 24
  path = "page"

[taxonomies]
  category = "categories"

[outputs]
  home = ["html", "rss"]
  page = ["html"]
  section = ["html"]
  term = ["html"]

[markup.goldmark.renderer]
  unsafe = false

[params]
  year = "2026"
  categories = ["excavators", "wheel-loaders", "electric-forklifts", "mining-dump-trucks", "drilling-rigs"]
  pages = ["/about", "/contact"]

[languages]
  [languages.en]
    locale = "en-US"
    label = "English"
    weight = 1
  [languages.zh]
    locale = "zh-CN"
    label = "中文"
    weight = 2
  [languages.ru]
    locale = "ru-RU"
    label = "Русский"
    weight = 3
"##;

const BASEOF: &str = r##"<!doctype html>
{{- $company := i18n "company-name" }}
{{- $nav := partialCached "nav.html" . site.Language.Name }}
<html lang="{{ site.Language.Locale }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if and .Title (ne .Title $company) }}{{ .Title }} | {{ end }}{{ $company }}</title>
<meta name="description" content="{{ with .Params.lead }}{{ . }}{{ else }}{{ i18n "company-tagline" }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Language.Locale }}" href="{{ .Permalink }}">
{{- end }}
<link rel="alternate" type="application/rss+xml" href="{{ $nav.rss | absURL }}" title="{{ $company }} — {{ i18n "feed-title" }}">
<meta property="og:site_name" content="{{ $company }}">
<meta property="og:title" content="{{ or .Title $company }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:locale" content="{{ replace site.Language.Locale "-" "_" }}">
<link rel="icon" href="{{ "images/favicon.svg" | relURL }}" type="image/svg+xml">
<link rel="stylesheet" href="{{ "css/site.css" | relURL }}">
{{- block "head" . }}{{ end }}
</head>
<body class="kind-{{ .Kind }}">
<a class="skip-link" href="#main">{{ i18n "skip-to-content" }}</a>
<header class="site-header">
  <div class="topbar">
    <div class="wrap topbar__inner">
      <p class="topbar__contact"><a href="tel:{{ replace (i18n "company-phone") " " "" }}">{{ i18n "company-phone" }}</a><span class="topbar__sep" aria-hidden="true"> · </span><a class="topbar__email" href="mailto:{{ i18n "company-email" }}">{{ i18n "company-email" }}</a></p>
      <nav class="lang-switch" aria-label="{{ i18n "language-switcher-label" }}">
        <ul>
          {{- range .AllTranslations }}
          <li><a href="{{ .RelPermalink }}" lang="{{ .Language.Locale }}" hreflang="{{ .Language.Locale }}"{{ if eq .Language.Name $.Language.Name }} aria-current="true"{{ end }}>{{ .Language.Label }}</a></li>
          {{- end }}
        </ul>
      </nav>
    </div>
  </div>
  <div class="masthead">
    <div class="wrap masthead__inner">
      <a class="brand" href="{{ site.Home.RelPermalink }}"{{ if .IsHome }} aria-current="page"{{ end }}>
        <img class="brand__logo" src="{{ "images/logo.svg" | relURL }}" alt="{{ $company }}" width="180" height="40">
      </a>
      <nav class="main-nav" aria-label="{{ i18n "nav-main-label" }}">
        <ul>
          <li><a href="{{ $nav.products }}"{{ if eq .Section "products" }} aria-current="true"{{ end }}>{{ i18n "nav-products" }}</a></li>
          <li><a href="{{ $nav.news }}"{{ if eq .Section "news" }} aria-current="true"{{ end }}>{{ i18n "nav-news" }}</a></li>
          {{- range $nav.pages }}
          <li><a href="{{ .url }}"{{ if eq .url $.RelPermalink }} aria-current="page"{{ end }}>{{ .title }}</a></li>
          {{- end }}
        </ul>
      </nav>
      <p class="print-only print-contacts">{{ $company }}<br>{{ i18n "company-phone" }} · {{ i18n "company-email" }}<br>{{ .Permalink }}</p>
    </div>
  </div>
  <nav class="catbar" aria-label="{{ i18n "nav-categories-label" }}">
    <div class="wrap">
      <ul>
        {{- range $nav.categories }}
        <li><a href="{{ .url }}"{{ if eq .url $.RelPermalink }} aria-current="page"{{ end }}>{{ .title }}</a></li>
        {{- end }}
      </ul>
    </div>
  </nav>
</header>
<main id="main" tabindex="-1">
{{- block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap footer__grid">
    <section class="footer__brand">
      <h2 class="footer__name">{{ $company }}</h2>
      <p>{{ i18n "company-tagline" }}</p>
    </section>
    <section>
      <h2>{{ i18n "footer-contacts" }}</h2>
      <address>
        <p>{{ i18n "company-address" }}</p>
        <p><span class="footer__label">{{ i18n "footer-phone" }}</span> <a href="tel:{{ replace (i18n "company-phone") " " "" }}">{{ i18n "company-phone" }}</a></p>
        <p><span class="footer__label">{{ i18n "footer-email" }}</span> <a href="mailto:{{ i18n "company-email" }}">{{ i18n "company-email" }}</a></p>
      </address>
    </section>
    <nav>
      <h2>{{ i18n "nav-products" }}</h2>
      <ul>
        {{- range $nav.categories }}
        <li><a href="{{ .url }}">{{ .title }}</a></li>
        {{- end }}
        <li><a href="{{ $nav.products }}">{{ i18n "all-products" }}</a></li>
      </ul>
    </nav>
    <nav>
      <h2>{{ i18n "footer-company" }}</h2>
      <ul>
        {{- range $nav.pages }}
        <li><a href="{{ .url }}">{{ .title }}</a></li>
        {{- end }}
        <li><a href="{{ $nav.news }}">{{ i18n "nav-news" }}</a></li>
        <li><a href="{{ $nav.rss }}" type="application/rss+xml">{{ i18n "feed-link" }}</a></li>
      </ul>
    </nav>
  </div>
  <div class="footer__bottom">
    <div class="wrap footer__bottom-inner">
      <p>{{ i18n "footer-rights" (dict "year" site.Params.year "company" $company) }}</p>
    </div>
  </div>
</footer>
</body>
</html>
"##;

const HOME: &str = r##"{{ define "main" }}
{{- $nav := partialCached "nav.html" . site.Language.Name }}
{{- $products := site.GetPage "/products" }}
{{- $featured := where $products.RegularPages "Params.featured" true }}
<section class="hero">
  <div class="wrap hero__inner">
    <div class="hero__text">
      <p class="hero__eyebrow">{{ i18n "company-name" }}</p>
      <h1 class="hero__title">{{ i18n "company-tagline" }}</h1>
      <p class="hero__intro">{{ i18n "company-intro" }}</p>
      <p class="hero__actions">
        <a class="btn btn--primary" href="{{ $products.RelPermalink }}">{{ i18n "hero-cta-products" }}</a>
        <a class="btn btn--ghost-light" href="mailto:{{ i18n "company-email" }}">{{ i18n "hero-cta-contact" }}</a>
      </p>
    </div>
    {{- with index $featured 0 }}
    <figure class="hero__media">
      <img src="{{ .Params.image | relURL }}" alt="{{ .Title }}" fetchpriority="high" decoding="async">
      <figcaption><a href="{{ .RelPermalink }}">{{ .Title }}</a></figcaption>
    </figure>
    {{- end }}
  </div>
</section>
<section class="section">
  <div class="wrap">
    <div class="section-head"><h2>{{ i18n "home-categories-title" }}</h2><a class="section-head__link" href="{{ $products.RelPermalink }}">{{ i18n "all-products" }} <span aria-hidden="true">→</span></a></div>
    <ul class="grid grid--tiles" role="list">
      {{- range $nav.categories }}{{ with site.GetPage .path }}
      <li>{{ partialCached "category-tile.html" . .RelPermalink }}</li>
      {{- end }}{{ end }}
    </ul>
  </div>
</section>
{{- with $featured }}
<section class="section section--alt">
  <div class="wrap">
    <div class="section-head"><h2>{{ i18n "home-featured-title" }}</h2><a class="section-head__link" href="{{ $products.RelPermalink }}">{{ i18n "all-products" }} <span aria-hidden="true">→</span></a></div>
    <ul class="grid grid--cards" role="list">
      {{- range . }}
      <li>{{ partialCached "product-card.html" (dict "p" . "showCategory" true) .RelPermalink true }}</li>
      {{- end }}
    </ul>
  </div>
</section>
{{- end }}
{{- with first 3 (site.GetPage "/news").RegularPages.ByDate.Reverse }}
<section class="section">
  <div class="wrap">
    <div class="section-head"><h2>{{ i18n "home-news-title" }}</h2><a class="section-head__link" href="{{ $nav.news }}">{{ i18n "all-news" }} <span aria-hidden="true">→</span></a></div>
    <ul class="grid grid--news" role="list">
      {{- range . }}
      <li>{{ partialCached "article-card.html" . .RelPermalink }}</li>
      {{- end }}
    </ul>
  </div>
</section>
{{- end }}
{{ end }}
"##;

const PRODUCT: &str = r##"{{ define "head" }}
{{- with .Params.image }}
<meta property="og:image" content="{{ . | absURL }}">
{{- end }}
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "Product" "name" .Title "description" (.Summary | plainify) "sku" .Params.id "image" (.Params.image | absURL) "url" .Permalink "brand" (dict "@type" "Brand" "name" (i18n "company-name")) | jsonify | safeJS }}</script>
{{- end }}
{{ define "main" }}
{{- $nav := partialCached "nav.html" . site.Language.Name }}
{{- $cat := index (.GetTerms "categories") 0 }}
<nav class="breadcrumbs" aria-label="{{ i18n "breadcrumbs-label" }}">
  <div class="wrap">
    <ol>
      <li><a href="{{ site.Home.RelPermalink }}">{{ i18n "breadcrumbs-home" }}</a></li>
      <li><a href="{{ $nav.products }}">{{ i18n "nav-products" }}</a></li>
      <li><a href="{{ $cat.RelPermalink }}">{{ $cat.Title }}</a></li>
      <li><a href="{{ .RelPermalink }}" aria-current="page">{{ .Title }}</a></li>
    </ol>
  </div>
</nav>
<article class="product">
  <header class="product-hero">
    <div class="wrap product-hero__inner">
      <figure class="product-hero__media">
        <img src="{{ .Params.image | relURL }}" alt="{{ .Title }}" fetchpriority="high" decoding="async">
      </figure>
      <div class="product-hero__text">
        <p class="eyebrow"><a href="{{ $cat.RelPermalink }}">{{ $cat.Title }}</a></p>
        <h1 id="product-title">{{ .Title }}</h1>
        <p class="lead">{{ .Summary }}</p>
        <dl class="hero-specs">
          {{- range first 3 .Params.specs }}
          <div><dt>{{ i18n (printf "spec-%s" .key) }}</dt><dd>{{ partial "spec-value.html" . }}</dd></div>
          {{- end }}
        </dl>
        <p class="product-hero__actions">
          <a class="btn btn--primary" href="#specs">{{ i18n "specs-jump" }}</a>
          <a class="btn btn--ghost" href="mailto:{{ i18n "company-email" }}">{{ i18n "product-inquiry" }}</a>
        </p>
      </div>
    </div>
  </header>
  <div class="wrap product-body">
    <section class="product-body__desc">
      <h2>{{ i18n "product-overview" }}</h2>
      <div class="prose">
        {{ .Content }}
      </div>
    </section>
    <section class="product-body__features">
      <h2>{{ i18n "features-title" }}</h2>
      <ul class="checklist">
        {{- range .Params.features }}
        <li>{{ . }}</li>
        {{- end }}
      </ul>
    </section>
  </div>
  <section class="wrap product-specs" id="specs">
    <h2>{{ i18n "specs-title" }}</h2>
    <div class="table-scroll">
      <table class="spec-table">
        <caption class="visually-hidden">{{ i18n "specs-caption" (dict "product" .Title) }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ i18n "spec-parameter" }}</th>
            <th scope="col" class="spec-table__value">{{ i18n "spec-value" }}</th>
            <th scope="col" class="spec-table__unit">{{ i18n "spec-unit" }}</th>
          </tr>
        </thead>
        <tbody>
          {{- range .Params.specs }}
          <tr id="spec-{{ .key }}">
            <th scope="row">{{ i18n (printf "spec-%s" .key) }}</th>
            <td class="spec-table__value">{{ with .text }}{{ . }}{{ else }}{{ lang.FormatNumber .decimals .value }}{{ end }}</td>
            <td class="spec-table__unit">{{ with .unit }}{{ i18n (printf "unit-%s" .) }}{{ else }}<span aria-hidden="true">—</span>{{ end }}</td>
          </tr>
          {{- end }}
        </tbody>
      </table>
    </div>
  </section>
  {{- $id := .Params.id }}
  {{- with index (partialCached "news-index.html" . site.Language.Name) $id }}
  <section class="section section--alt related">
    <div class="wrap">
      <div class="section-head"><h2>{{ i18n "related-news" }}</h2></div>
      <ul class="grid grid--news" role="list">
        {{- range . }}
        <li>{{ partialCached "article-card.html" . .RelPermalink }}</li>
        {{- end }}
      </ul>
    </div>
  </section>
  {{- end }}
  <div class="wrap">
    <p class="back-link"><a href="{{ $cat.RelPermalink }}"><span aria-hidden="true">←</span> {{ i18n "back-to-category" (dict "category" $cat.Title) }}</a></p>
  </div>
</article>
{{ end }}
"##;

const PRODUCTS: &str = r##"{{ define "main" }}
<nav class="breadcrumbs" aria-label="{{ i18n "breadcrumbs-label" }}">
  <div class="wrap"><ol><li><a href="{{ site.Home.RelPermalink }}">{{ i18n "breadcrumbs-home" }}</a></li><li><a href="{{ .RelPermalink }}" aria-current="page">{{ i18n "nav-products" }}</a></li></ol></div>
</nav>
<div class="page-head">
  <div class="wrap">
    <h1>{{ .Title }}</h1>
    <nav class="chips" aria-label="{{ i18n "products-jump-label" }}">
      <ul>
        {{- range (partialCached "nav.html" . site.Language.Name).categories }}{{ with site.GetPage .path }}
        <li><a href="#cat-{{ .Params.id }}">{{ .Title }} <span class="chips__count">{{ len .Pages }}</span></a></li>
        {{- end }}{{ end }}
      </ul>
    </nav>
  </div>
</div>
{{- range $i, $id := site.Params.categories }}{{ with site.GetPage (printf "/categories/%s" $id) }}
<section class="section{{ if modBool $i 2 }} section--alt{{ end }}" id="cat-{{ $id }}">
  <div class="wrap">
    <div class="section-head">
      <h2>{{ .Title }}</h2>
      <a class="section-head__link" href="{{ .RelPermalink }}">{{ i18n "product-count" (len .Pages) }} <span aria-hidden="true">→</span></a>
    </div>
    <p class="section-intro">{{ .Params.lead }}</p>
    <ul class="grid grid--cards" role="list">
      {{- range .Pages }}
      <li>{{ partialCached "product-card.html" (dict "p" . "showCategory" false) .RelPermalink false }}</li>
      {{- end }}
    </ul>
  </div>
</section>
{{- end }}{{ end }}
{{ end }}
"##;

const TERM: &str = r##"{{ define "main" }}
{{- $nav := partialCached "nav.html" . site.Language.Name }}
{{- $pager := .Paginate .Pages 24 }}
<nav class="breadcrumbs" aria-label="{{ i18n "breadcrumbs-label" }}">
  <div class="wrap">
    <ol>
      <li><a href="{{ site.Home.RelPermalink }}">{{ i18n "breadcrumbs-home" }}</a></li>
      <li><a href="{{ $nav.products }}">{{ i18n "nav-products" }}</a></li>
      <li><a href="{{ .RelPermalink }}"{{ if eq $pager.PageNumber 1 }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
    </ol>
  </div>
</nav>
<div class="page-head">
  <div class="wrap">
    <p class="eyebrow">{{ i18n "nav-products" }}</p>
    <h1>{{ .Title }}</h1>
    <p class="lead">{{ .Params.lead }}</p>
    <p class="page-head__meta">{{ i18n "product-count" (len .Pages) }}{{ if gt $pager.TotalPages 1 }} · {{ i18n "pagination-status" (dict "current" $pager.PageNumber "total" $pager.TotalPages) }}{{ end }}</p>
  </div>
</div>
<section class="section">
  <div class="wrap">
    <h2 class="visually-hidden">{{ i18n "category-products-title" (dict "category" .Title) }}</h2>
    <ul class="grid grid--cards" role="list">
      {{- range $pager.Pages }}
      <li>{{ partialCached "product-card.html" (dict "p" . "showCategory" false) .RelPermalink false }}</li>
      {{- end }}
    </ul>
    {{ partial "pagination.html" $pager }}
  </div>
</section>
{{ end }}
"##;

const NEWS_LIST: &str = r##"{{ define "main" }}
{{- $pager := .Paginate .RegularPages.ByDate.Reverse 10 }}
<nav class="breadcrumbs" aria-label="{{ i18n "breadcrumbs-label" }}">
  <div class="wrap"><ol><li><a href="{{ site.Home.RelPermalink }}">{{ i18n "breadcrumbs-home" }}</a></li><li><a href="{{ .RelPermalink }}"{{ if eq $pager.PageNumber 1 }} aria-current="page"{{ end }}>{{ i18n "nav-news" }}</a></li></ol></div>
</nav>
<div class="page-head">
  <div class="wrap">
    <h1>{{ .Title }}</h1>
    {{- if gt $pager.TotalPages 1 }}
    <p class="page-head__meta">{{ i18n "pagination-status" (dict "current" $pager.PageNumber "total" $pager.TotalPages) }}</p>
    {{- end }}
  </div>
</div>
<section class="section">
  <div class="wrap">
    <h2 class="visually-hidden">{{ i18n "news-list-title" }}</h2>
    <ul class="news-list" role="list">
      {{- range $pager.Pages }}
      <li>{{ partialCached "article-card.html" . .RelPermalink }}</li>
      {{- end }}
    </ul>
    {{ partial "pagination.html" $pager }}
  </div>
</section>
{{ end }}
"##;

const ARTICLE: &str = r##"{{ define "head" }}
<meta property="article:published_time" content="{{ .Date.Format "2006-01-02" }}">
{{- end }}
{{ define "main" }}
{{- $nav := partialCached "nav.html" . site.Language.Name }}
<nav class="breadcrumbs" aria-label="{{ i18n "breadcrumbs-label" }}">
  <div class="wrap"><ol><li><a href="{{ site.Home.RelPermalink }}">{{ i18n "breadcrumbs-home" }}</a></li><li><a href="{{ $nav.news }}">{{ i18n "nav-news" }}</a></li><li><a href="{{ .RelPermalink }}" aria-current="page">{{ .Title }}</a></li></ol></div>
</nav>
<article class="article">
  <header class="page-head">
    <div class="wrap wrap--narrow">
      <p class="eyebrow">{{ i18n "published" }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>
      <h1>{{ .Title }}</h1>
      <p class="lead">{{ .Summary }}</p>
    </div>
  </header>
  <div class="wrap wrap--narrow section">
    <div class="prose">
      {{ .Content }}
    </div>
  </div>
</article>
{{- with .Params.products }}
<section class="section section--alt">
  <div class="wrap">
    <div class="section-head"><h2>{{ i18n "products-mentioned" }}</h2></div>
    <ul class="grid grid--cards" role="list">
      {{- range . }}{{ with site.GetPage (printf "/products/%s" .) }}
      <li>{{ partialCached "product-card.html" (dict "p" . "showCategory" true) .RelPermalink true }}</li>
      {{- end }}{{ end }}
    </ul>
  </div>
</section>
{{- end }}
<div class="wrap wrap--narrow">
  <p class="back-link"><a href="{{ $nav.news }}"><span aria-hidden="true">←</span> {{ i18n "back-to-news" }}</a></p>
</div>
{{ end }}
"##;

const PAGE: &str = r##"{{ define "main" }}
<nav class="breadcrumbs" aria-label="{{ i18n "breadcrumbs-label" }}">
  <div class="wrap"><ol><li><a href="{{ site.Home.RelPermalink }}">{{ i18n "breadcrumbs-home" }}</a></li><li><a href="{{ .RelPermalink }}" aria-current="page">{{ .Title }}</a></li></ol></div>
</nav>
<article class="page">
  <header class="page-head">
    <div class="wrap wrap--narrow">
      <h1>{{ .Title }}</h1>
      {{- with .Summary }}
      <p class="lead">{{ . }}</p>
      {{- end }}
    </div>
  </header>
  <div class="wrap wrap--narrow section">
    <div class="prose">
      {{ .Content }}
    </div>
  </div>
</article>
{{ end }}
"##;

const NOT_FOUND: &str = r##"{{ define "main" }}
<div class="page-head">
  <div class="wrap wrap--narrow">
    <h1>{{ i18n "not-found-title" }}</h1>
    <p class="lead">{{ i18n "not-found-text" }}</p>
    <p><a class="btn btn--primary" href="{{ (site.GetPage "/products").RelPermalink }}">{{ i18n "not-found-products" }}</a></p>
  </div>
</div>
{{ end }}
"##;

const RSS: &str = r##"{{- printf "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{{ i18n "company-name" }} — {{ i18n "feed-title" }}</title>
    <link>{{ (site.GetPage "/news").Permalink }}</link>
    <description>{{ i18n "company-tagline" }}</description>
    <language>{{ site.Language.Locale }}</language>
    {{- with .OutputFormats.Get "rss" }}
    <atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>
    {{- end }}
    {{- range (site.GetPage "/news").RegularPages.ByDate.Reverse }}
    <item>
      <title>{{ .Title }}</title>
      <link>{{ .Permalink }}</link>
      <pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
      <guid>{{ .Permalink }}</guid>
      <description>{{ .Summary | transform.XMLEscape | safeHTML }}</description>
      <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">{{ .Content | transform.XMLEscape | safeHTML }}</content:encoded>
    </item>
    {{- end }}
  </channel>
</rss>
"##;

/// The links every page shows, collected once per language (`partialCached`), as brochure
/// builds its navigation once per language; each page still marks its own entry.
const NAV: &str = r##"{{- $categories := slice }}
{{- range site.Params.categories }}{{ with site.GetPage (printf "/categories/%s" .) }}
{{- $categories = $categories | append (dict "title" .Title "url" .RelPermalink "path" .Path) }}
{{- end }}{{ end }}
{{- $pages := slice }}
{{- range site.Params.pages }}{{ with site.GetPage . }}
{{- $pages = $pages | append (dict "title" .Title "url" .RelPermalink) }}
{{- end }}{{ end }}
{{- $rss := "" }}
{{- with site.Home.OutputFormats.Get "rss" }}{{ $rss = .RelPermalink }}{{ end }}
{{- return dict "products" (site.GetPage "/products").RelPermalink "news" (site.GetPage "/news").RelPermalink "rss" $rss "categories" $categories "pages" $pages }}
"##;

/// News by product id, newest first, once per language: brochure keeps the same reverse index
/// (a `where … intersect` over the news on every product page made Hugo twice as slow).
const NEWS_INDEX: &str = r##"{{- $index := dict }}
{{- range (site.GetPage "/news").RegularPages.ByDate.Reverse }}
  {{- $page := . }}
  {{- range .Params.products }}
    {{- $list := index $index . | default slice }}
    {{- $index = merge $index (dict . ($list | append $page)) }}
  {{- end }}
{{- end }}
{{- return $index }}
"##;

const PRODUCT_CARD: &str = r##"{{- $p := .p -}}
<article class="card product-card">
  <div class="card__media">
    <img src="{{ $p.Params.image | relURL }}" alt="{{ $p.Title }}" loading="lazy" decoding="async">
  </div>
  <div class="card__body">
    {{- if .showCategory }}{{ with $p.GetTerms "categories" }}
    <p class="card__eyebrow">{{ (index . 0).Title }}</p>
    {{- end }}{{ end }}
    <h3 class="card__title"><a class="card__link" href="{{ $p.RelPermalink }}">{{ $p.Title }}</a></h3>
    <dl class="key-specs">
      {{- range first 3 $p.Params.specs }}
      <div class="key-specs__row"><dt>{{ i18n (printf "spec-%s" .key) }}</dt><dd>{{ partial "spec-value.html" . }}</dd></div>
      {{- end }}
    </dl>
  </div>
</article>
"##;

const SPEC_VALUE: &str = r##"{{- with .text }}<span class="num">{{ . }}</span>{{ else }}<span class="num">{{ lang.FormatNumber .decimals .value }}</span>{{ end }}{{ with .unit }}<span class="unit">&#8239;{{ i18n (printf "unit-%s" .) }}</span>{{ end -}}
"##;

const ARTICLE_CARD: &str = r##"<article class="card article-card">
  <div class="card__body">
    <p class="card__eyebrow"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>
    <h3 class="card__title"><a class="card__link" href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
    <p class="card__summary">{{ .Summary }}</p>
    <p class="card__more" aria-hidden="true">{{ i18n "read-more" }} <span class="arrow">→</span></p>
  </div>
</article>
"##;

const CATEGORY_TILE: &str = r##"<article class="card category-tile">
  <div class="card__media">
    {{- with index .Pages 0 }}
    <img src="{{ .Params.image | relURL }}" alt="" loading="lazy" decoding="async">
    {{- end }}
  </div>
  <div class="card__body">
    <h3 class="card__title"><a class="card__link" href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
    <p class="category-tile__count">{{ i18n "product-count" (len .Pages) }}</p>
    <p class="card__summary">{{ .Params.lead }}</p>
  </div>
</article>
"##;

const PAGINATION: &str = r##"{{- $pager := . }}
{{- if gt $pager.TotalPages 1 }}
<nav class="pagination" aria-label="{{ i18n "pagination-label" }}">
  <p class="pagination__status">{{ i18n "pagination-status" (dict "current" $pager.PageNumber "total" $pager.TotalPages) }}</p>
  <ul>
    <li class="pagination__step">
      {{- with $pager.Prev }}<a href="{{ .URL }}" rel="prev"><span aria-hidden="true">←</span> {{ i18n "pagination-prev" }}</a>
      {{- else }}<span class="is-disabled"><span aria-hidden="true">←</span> {{ i18n "pagination-prev" }}</span>{{ end -}}
    </li>
    {{- range $pager.Pagers }}
    {{- $distance := sub .PageNumber $pager.PageNumber }}
    {{- if lt $distance 0 }}{{ $distance = sub 0 $distance }}{{ end }}
    {{- if or (eq .PageNumber 1) (eq .PageNumber $pager.TotalPages) (le $distance 2) }}
    <li class="pagination__num"><a href="{{ .URL }}" aria-label="{{ i18n "pagination-page" (dict "number" .PageNumber) }}"{{ if eq .PageNumber $pager.PageNumber }} aria-current="page"{{ end }}>{{ .PageNumber }}</a></li>
    {{- else if eq $distance 3 }}
    <li class="pagination__num pagination__gap" aria-hidden="true">…</li>
    {{- end }}
    {{- end }}
    <li class="pagination__step">
      {{- with $pager.Next }}<a href="{{ .URL }}" rel="next">{{ i18n "pagination-next" }} <span aria-hidden="true">→</span></a>
      {{- else }}<span class="is-disabled">{{ i18n "pagination-next" }} <span aria-hidden="true">→</span></span>{{ end -}}
    </li>
  </ul>
</nav>
{{- end }}
"##;

/// `@/products/x`, `@/categories/x`, `@/news/x`, `@/news`, `@/about`, `@/` → the page in the
/// reader's language; a link to a page that does not exist fails the build.
const RENDER_LINK: &str = r##"{{- $href := .Destination -}}
{{- if hasPrefix $href "@/" -}}
  {{- $path := strings.TrimPrefix "@" $href -}}
  {{- with site.GetPage $path -}}{{ $href = .RelPermalink }}{{ else }}{{ errorf "broken link %q in %s" $href $.Page.String }}{{ end -}}
{{- end -}}
<a href="{{ $href }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text }}</a>
{{- /* no trailing newline */ -}}
"##;

/// Turns Fluent `{ $name }` placeholders into Go template `{{ .name }}`.
fn fluent_to_go(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("{ $") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        match after.find(" }") {
            Some(end) => {
                let _ = write!(out, "{{{{ .{} }}}}", &after[..end]);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Single-line messages of a Fluent file: `(id, value)`.
fn fluent_messages(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
        .filter_map(|l| l.split_once(" = "))
        .filter(|(id, value)| {
            !id.is_empty()
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !value.trim().is_empty()
        })
        .map(|(id, value)| (id.to_string(), fluent_to_go(value.trim())))
        .collect()
}

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Plural forms of `product-count`, which Fluent writes as a select expression.
fn product_count(lang: &str) -> &'static [(&'static str, &'static str)] {
    match lang {
        "zh" => &[("other", "{{ .Count }} 款产品")],
        "ru" => &[
            ("one", "{{ .Count }} товар"),
            ("few", "{{ .Count }} товара"),
            ("many", "{{ .Count }} товаров"),
            ("other", "{{ .Count }} товара"),
        ],
        _ => &[
            ("one", "{{ .Count }} product"),
            ("other", "{{ .Count }} products"),
        ],
    }
}

/// `i18n/<lang>.toml`: the theme's UI strings and the site's messages (the site's win).
fn i18n_toml(lang: &str) -> io::Result<String> {
    let root = super::example_root();
    let theme =
        std::fs::read_to_string(root.join(format!("themes/default/locales/{lang}/theme.ftl")))?;
    let site = std::fs::read_to_string(root.join(format!("locales/{lang}/site.ftl")))?;
    // `product-count` is a plural select in Fluent; its Hugo forms are written below.
    let mut messages: Vec<(String, String)> = fluent_messages(&theme)
        .into_iter()
        .filter(|(id, _)| id != "product-count")
        .collect();
    for (id, value) in fluent_messages(&site) {
        messages.retain(|(i, _)| *i != id);
        messages.push((id, value));
    }
    let mut out = String::from(
        "# Generated from the brochure theme's and the example site's Fluent files.\n",
    );
    for (id, value) in &messages {
        let _ = writeln!(out, "[{id}]\nother = {}\n", toml_str(value));
    }
    out.push_str("[product-count]\n");
    for (form, text) in product_count(lang) {
        let _ = writeln!(out, "{form} = {}", toml_str(text));
    }
    Ok(out)
}

fn product_md(p: &Product, l: usize) -> String {
    let mut y = String::from("---\n");
    let _ = writeln!(y, "title: {}", yaml_str(&p.name[l]));
    let _ = writeln!(y, "summary: {}", yaml_str(&p.summary[l]));
    let _ = writeln!(y, "weight: {}", p.order);
    let _ = writeln!(y, "categories: [{}]", CATEGORIES[p.category].id);
    y.push_str("params:\n");
    let _ = writeln!(y, "  id: {}", p.id);
    let _ = writeln!(y, "  model: {}", yaml_str(&p.model));
    if p.featured {
        y.push_str("  featured: true\n");
    }
    let _ = writeln!(y, "  image: /{}", p.image);
    y.push_str("  features:\n");
    for f in &p.features {
        let _ = writeln!(y, "    - {}", yaml_str(f[l]));
    }
    y.push_str("  specs:\n");
    for s in &p.specs {
        let unit = s.unit.map_or(String::new(), |u| format!(", unit: {u}"));
        match &s.value {
            SpecValue::Number(v, d) => {
                let _ = writeln!(
                    y,
                    "    - {{key: {}, value: {v}, decimals: {d}{unit}}}",
                    s.key
                );
            }
            SpecValue::Text(t) => {
                let _ = writeln!(y, "    - {{key: {}, text: {}{unit}}}", s.key, yaml_str(t));
            }
        }
    }
    y.push_str("---\n");
    y.push_str(&p.description[l]);
    y.push('\n');
    y
}

fn list_index(title: &str, extra: &str) -> String {
    format!("---\ntitle: {}\n{extra}---\n", yaml_str(title))
}

/// Writes an already generated catalog as a Hugo site.
pub fn write_hugo(dir: &Path, catalog: &Catalog) -> io::Result<Generated> {
    let root = super::example_root();
    let mut files = 0;
    write(&dir.join("hugo.toml"), HUGO_TOML)?;
    let layouts: [(&str, &str); 18] = [
        ("baseof.html", BASEOF),
        ("home.html", HOME),
        ("page.html", PAGE),
        ("term.html", TERM),
        ("404.html", NOT_FOUND),
        ("home.rss.xml", RSS),
        ("products/page.html", PRODUCT),
        ("products/section.html", PRODUCTS),
        ("news/section.html", NEWS_LIST),
        ("news/page.html", ARTICLE),
        ("_partials/nav.html", NAV),
        ("_partials/news-index.html", NEWS_INDEX),
        ("_partials/product-card.html", PRODUCT_CARD),
        ("_partials/spec-value.html", SPEC_VALUE),
        ("_partials/article-card.html", ARTICLE_CARD),
        ("_partials/category-tile.html", CATEGORY_TILE),
        ("_partials/pagination.html", PAGINATION),
        ("_markup/render-link.html", RENDER_LINK),
    ];
    for (path, text) in layouts {
        write(&dir.join("layouts").join(path), text)?;
        files += 1;
    }
    for lang in LANGS {
        write(&dir.join(format!("i18n/{lang}.toml")), &i18n_toml(lang)?)?;
        files += 1;
    }
    // Home, sections and category terms, per language.
    let theme_text = |lang: &str, id: &str| -> io::Result<String> {
        let theme =
            std::fs::read_to_string(root.join(format!("themes/default/locales/{lang}/theme.ftl")))?;
        Ok(fluent_messages(&theme)
            .into_iter()
            .find(|(i, _)| i == id)
            .map_or_else(|| id.to_string(), |(_, v)| v))
    };
    for (l, lang) in LANGS.iter().enumerate() {
        let site = std::fs::read_to_string(root.join(format!("locales/{lang}/site.ftl")))?;
        let company = fluent_messages(&site)
            .into_iter()
            .find(|(i, _)| i == "company-name")
            .map_or_else(String::new, |(_, v)| v);
        write(
            &dir.join(format!("content/_index.{lang}.md")),
            &list_index(&company, ""),
        )?;
        write(
            &dir.join(format!("content/products/_index.{lang}.md")),
            &list_index(&theme_text(lang, "nav-products")?, ""),
        )?;
        write(
            &dir.join(format!("content/news/_index.{lang}.md")),
            &list_index(&theme_text(lang, "nav-news")?, ""),
        )?;
        files += 3;
        for cat in CATEGORIES {
            let extra = format!(
                "weight: {}\nparams:\n  id: {}\n  lead: {}\n",
                cat.order,
                cat.id,
                yaml_str(cat.summary[l])
            );
            write(
                &dir.join(format!("content/categories/{}/_index.{lang}.md", cat.id)),
                &list_index(cat.name[l], &extra),
            )?;
            files += 1;
        }
    }
    for p in &catalog.products {
        for (l, lang) in LANGS.iter().enumerate() {
            write(
                &dir.join(format!("content/products/{}/index.{lang}.md", p.id)),
                &product_md(p, l),
            )?;
            files += 1;
        }
    }
    for a in &catalog.news {
        for (l, lang) in LANGS.iter().enumerate() {
            let text = format!(
                "---\ntitle: {}\ndate: {}\nsummary: {}\nparams:\n  products: [{}]\n---\n{}\n",
                yaml_str(&a.title[l]),
                a.date,
                yaml_str(&a.summary[l]),
                a.products.join(", "),
                a.body[l]
            );
            write(
                &dir.join(format!("content/news/{}.{lang}.md", a.slug)),
                &text,
            )?;
            files += 1;
        }
    }
    for (slug, lang, text) in example_pages(&catalog.news)? {
        write(&dir.join(format!("content/{slug}.{lang}.md")), &text)?;
        files += 1;
    }
    // The same static files as the brochure site gets: the example's pictures and the theme's
    // stylesheet, favicon and placeholder.
    copy_dir(&root.join("static"), &dir.join("static"))?;
    copy_dir(&root.join("themes/default/static"), &dir.join("static"))?;
    Ok(Generated {
        products: catalog.products.len(),
        news: catalog.news.len(),
        files,
    })
}
