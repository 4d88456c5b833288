# brochure 默认主题的界面文字 — 简体中文。
# 站点可以在自己的 locales/zh/*.ftl 中覆盖任意同名消息。

## 无障碍与导航
skip-to-content = 跳到主要内容
nav-main-label = 主导航
nav-categories-label = 产品类别
language-switcher-label = 语言
nav-products = 产品中心
nav-news = 新闻动态
breadcrumbs-label = 当前位置
breadcrumbs-home = 首页

## 首页
hero-cta-products = 浏览全部产品
hero-cta-contact = 联系销售
home-categories-title = 产品系列
home-featured-title = 推荐产品
home-news-title = 最新动态
all-products = 全部产品
all-news = 全部新闻

## 数量
product-count = { $count } 款产品
article-count = { $count } 篇文章

## 产品列表与类别
products-jump-label = 跳转到产品类别
search-label = 站内搜索
search-placeholder = 搜索产品和新闻
search-results = 搜索结果
search-none = 没有找到结果。请换一个词，或浏览全部产品。
filter-title = 按参数筛选
filter-category = 类别
filter-all = 全部类别
filter-from = 最小
filter-to = 最大
filter-status = 显示 { $shown } / { $total }
filter-reset = 显示全部
compare-title = 产品对比
compare-intro = 并排查看技术参数，不同之处已突出显示。
compare-add = 对比
compare-go = 对比（{ $count }）
compare-clear = 清空
compare-limit = 最多可对比 { $max } 款产品，请先移除一款。
compare-remove = 从对比中移除 { $model }
compare-empty = 请选择二至四款产品进行对比：在产品列表中勾选“对比”。
compare-one = 请再添加至少一款产品：在产品列表中勾选“对比”。
compare-needs-js = 对比表在浏览器中生成，需要启用 JavaScript。每款产品的页面均列有完整参数。
compare-only-differences = 仅显示差异
compare-print = 打印
compare-missing = 未找到：{ $ids }
compare-differs = 不同
products-intro = 按类别浏览我们的全部产品，查看技术参数并下载产品资料。
category-products-title = { $category }产品
no-products = 该类别暂无产品。

## 产品页
product-overview = 产品概述
features-title = 产品亮点
specs-title = 技术参数
specs-jump = 查看技术参数
specs-caption = { $product } 技术参数
spec-parameter = 参数
spec-value = 数值
spec-unit = 单位
product-inquiry = 询价
quote-subject = 询价：{ $model }
quote-body =
    您好！

    请提供以下产品的报价：
    { $model }
    { $url }

    数量：
    交货地点（城市、国家）：
    公司及联系人：
quote-form-title = 在线询价
quote-form-name = 您的姓名
quote-form-company = 公司
quote-form-email = 电子邮箱
quote-form-phone = 电话
quote-form-message = 数量、交货城市及其他需要说明的信息
quote-form-send = 提交询价
related-news = 相关新闻
back-to-category = 更多{ $category }
datasheet-download = 下载产品资料（PDF，{ $size } KB）
catalog-download = 下载{ $title }（PDF，{ $size } KB）

## 新闻
news-list-title = 文章列表
published = 发布于
read-more = 阅读全文
products-mentioned = 相关产品
back-to-news = 返回新闻列表
no-news = 暂无新闻。
feed-title = 新闻动态
feed-link = 新闻订阅（Atom）

## 分页
pagination-label = 分页
pagination-status = 第 { $current } 页，共 { $total } 页
pagination-prev = 上一页
pagination-next = 下一页
pagination-page = 第 { $number } 页

## 页脚
footer-contacts = 联系方式
footer-company = 关于公司
footer-phone = 电话：
footer-email = 邮箱：
footer-rights = © { $year } { $company } 版权所有

## 错误页
not-found-title = 页面未找到
not-found-text = 抱歉，您访问的页面不存在或已被移动。请返回您所用语言的首页，或浏览我们的产品。
not-found-languages = 选择语言
not-found-products = 浏览产品

## 印刷品：产品样本与技术资料
brochure-catalog-title = 产品样本
brochure-contents = 目录
brochure-scan-qr = 扫码查看详情
brochure-notes = 笔记
datasheet-online = 更多详情、其他语言版本及最新数据请访问：

## Product pictures: the gallery, and the link to a picture's large copy (zoom)
photo-gallery = 产品图片
photo-zoom = 查看大图
