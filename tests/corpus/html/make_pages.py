#!/usr/bin/env python3
"""Writes the HTML test pages of this directory from the sample articles.

Each page imitates a real party or government portal around one article of
tests/corpus/seeds/: the article's own text is kept word for word (with the
markup such portals use: inline tags, character references, non-breaking
spaces, the other tone placement, decomposed letters), and wrapped in the
furniture wardgraph must drop (menus, scripts, related-article lists,
comment sections, footers, a DOCTYPE declaring external entities). NAME.txt
next to NAME.html is the same article as plain UTF-8 NFC text: both must
give wardgraph the same entities (tests/unit/test_text_roundtrip.c).

    python3 tests/corpus/html/make_pages.py     # from the top of the checkout

The pages are committed; run this only to regenerate them.
"""
import html
import os
import subprocess
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "seeds")


def seed(prefix):
    for name in sorted(os.listdir(SEEDS)):
        if name.startswith(prefix):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
                return f.read()
    raise SystemExit("no seed " + prefix)


def parts(text):
    """title, counter (or None), paragraphs, byline of a seed article"""
    lines = [l for l in text.split("\n") if l.strip()]
    title, rest = lines[0], lines[1:]
    counter = None
    if rest and rest[0].strip().isdigit():
        counter, rest = rest[0].strip(), rest[1:]
    return title, counter, rest[:-1], rest[-1].strip()


def old_tone(s):
    """new-style placement -> the other one on a few words (same words after normalisation)"""
    for a, b in (("ủy", "uỷ"), ("Ủy", "Uỷ"), ("hòa", "hoà"), ("Hòa", "Hoà"), ("hóa", "hoá")):
        s = s.replace(a, b)
    return s


def write(name, data, encoding="utf-8", newline="\n"):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding=encoding, newline=newline) as f:
        f.write(data)


# ---------------------------------------------------------------------------
# 1. A district portal (div layout): quan1_caukho.html
# ---------------------------------------------------------------------------
def page_caukho():
    text = seed("000_")
    title, counter, paras, byline = parts(text)
    body = []
    for i, p in enumerate(paras):
        e = html.escape(p, quote=False)
        if i == 0:
            # inline tags around names, an entity for a plain letter, NBSP between words
            e = e.replace("Tô Thị Bích Châu", "<strong>T&ocirc; Thị Bích Châu</strong>")
            e = e.replace("phường Cầu Kho", '<a href="/phuong-cau-kho">phường Cầu Kho</a>', 1)
            e = e.replace("Thường trực Quận ủy", "Thường trực Quận&nbsp;ủy", 1)
        elif i % 3 == 1:
            e = old_tone(e)            # the other tone placement
        elif i % 3 == 2:
            e = unicodedata.normalize("NFD", e)   # decomposed letters
        body.append("      <p>" + e + "</p>")
        if i == 1:
            body.append('      <script type="text/javascript">document.write("<p>Bí thư Nguyễn Văn Quảng cáo</p>");</script>')
            body.append("      <!-- <p>Đồng chí Lê Văn Bình luận (bản nháp)</p> -->")
        if i == 3:
            body.append('      <div class="banner-ads"><a href="/qc"><img src="/qc.jpg" alt="Quảng cáo"/></a> Liên hệ quảng cáo: phường Tân Định</div>')
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd" [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/evil.dtd">
]>
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi">
<head>
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
  <title>{html.escape(title)} - Cổng thông tin điện tử Quận 1</title>
  <meta property="og:title" content="{html.escape(title)}" />
  <meta property="article:published_time" content="2023-02-25T08:30:00+07:00" />
  <link rel="stylesheet" href="/css/site.css" />
  <style type="text/css">.menu-top li {{ float: left; }} /* phường Bến Thành */</style>
  <script type="text/javascript">
    var _gaq = _gaq || []; _gaq.push(['_trackPageview']);
    if (a < b && c > d) {{ document.write("<div>Chủ tịch Trần Văn Kịch Bản</div>"); }}
  </script>
</head>
<body>
<div id="wrapper">
  <div id="header">
    <div class="logo"><a href="/"><img src="/images/logo.png" alt="Quận 1" /></a>
      <h1 class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ QUẬN 1</h1></div>
    <div class="search-box"><form action="/tim-kiem"><input type="text" name="q" value="Tìm kiếm..." /></form></div>
  </div>
  <div class="menu-top">
    <ul>
      <li><a href="/">Trang chủ</a></li>
      <li><a href="/gioi-thieu">Giới thiệu</a></li>
      <li><a href="/tin-tuc">Tin tức - Sự kiện</a>
        <ul class="sub-menu"><li><a href="/phuong-ben-nghe">Phường Bến Nghé</a></li><li><a href="/phuong-da-kao">Phường Đa Kao</a></li></ul></li>
      <li><a href="/van-ban">Văn bản &amp; Chính sách</a></li>
    </ul>
  </div>
  <div class="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/tin-tuc">Tin tức</a> &raquo; <a href="/xay-dung-dang">Xây dựng Đảng</a></div>
  <div class="container">
    <div class="col-left">
      <div class="news-detail">
        <h1 class="title">{html.escape(title, quote=False)}</h1>
        <div class="news-date">Thứ Bảy, 25/02/2023 08:30</div>
        <div class="luot-xem">{counter}</div>
        <div class="share-bar"><a href="#" class="fb-share">Chia sẻ Facebook</a> | <a href="#" class="print">In bài viết</a></div>
        <div class="news-content">
{chr(10).join(body)}
      <p style="text-align: right;">&nbsp;<strong>{html.escape(byline)}</strong></p>
        </div>
        <div class="tags">Từ khóa: <a href="/tag/phuong-cau-kho">phường Cầu Kho</a>, <a href="/tag/quan-1">Quận 1</a></div>
        <div class="tin-lien-quan">
          <h3>Tin liên quan</h3>
          <ul>
            <li><a href="/tin/1">Phường Bến Nghé sơ kết công tác quý I</a> <span>(20/02/2023)</span></li>
            <li><a href="/tin/2">Đồng chí Nguyễn Văn Hiếu làm việc với phường Phạm Ngũ Lão</a> <span>(18/02/2023)</span></li>
            <li><a href="/tin/3">Phường Đa Kao ra mắt mô hình “Dân vận khéo”</a> <span>(15/02/2023)</span></li>
          </ul>
        </div>
        <div id="comments" class="comment-box">
          <h3>Ý kiến bạn đọc</h3>
          <div class="comment-item"><b>Trần Thị Bạn Đọc</b> (phường Cô Giang): Bài viết rất hay, cảm ơn Quận ủy.</div>
          <form action="/binh-luan" method="post"><textarea name="noi-dung">Nội dung</textarea><button>Gửi</button></form>
        </div>
      </div>
    </div>
    <div class="col-right">
      <div class="box">
        <h3>Tin mới</h3>
        <ul>
          <li><a href="/tin/4">Chủ tịch UBND Quận 1 Lê Đức Thanh tiếp công dân</a></li>
          <li><a href="/tin/5">Phường Nguyễn Cư Trinh tổng kết năm 2022</a></li>
          <li><a href="/tin/6">Phường Cầu Ông Lãnh ra quân dọn vệ sinh</a></li>
        </ul>
      </div>
    </div>
  </div>
  <div id="footer">
    <p>Cơ quan chủ quản: Ủy ban nhân dân Quận 1 - Địa chỉ: 47 Lê Duẩn, phường Bến Nghé, Quận 1</p>
    <p>Chịu trách nhiệm chính: Chánh Văn phòng HĐND và UBND Quận 1 &copy; 2023 &secret; &remote;</p>
  </div>
</div>
</body>
</html>
"""
    write("quan1_caukho.html", page)
    write("quan1_caukho.txt", text)


# ---------------------------------------------------------------------------
# 2. A provincial portal of the 2000s (table layout, <br> lines, character
#    references, upper-case tags, no <h1>): backan_ducxuan.html
# ---------------------------------------------------------------------------
def numeric_refs(s, letters="ĐđơƠưƯ"):
    return "".join("&#%d;" % ord(c) if c in letters else c for c in s)


def page_ducxuan():
    text = seed("004_")
    title, counter, paras, byline = parts(text)
    lines = []
    for i, p in enumerate(paras):
        e = html.escape(p, quote=False)
        if i == 0:
            e = e.replace("Cù Ngọc Cường", "<B>Cù Ngọc Cường</B>", 1)
            e = e.replace("Triệu Thị Thu Hoài", "<FONT color=#003399>Triệu Thị Thu Hoài</FONT>")
        if i % 2 == 0:
            e = numeric_refs(e)
        else:
            e = e.replace("à", "&agrave;").replace("á", "&aacute;").replace("ô", "&ocirc;")
        if p == "Toàn cảnh buổi làm việc":
            lines.append('<TABLE class=image align=center><TR><TD><IMG src="/Uploads/anh1.jpg"></TD></TR><TR><TD class=caption><I>' + e + "</I></TD></TR></TABLE>")
        else:
            lines.append(e + "<BR><BR>")
    page = f"""<HTML>
<HEAD>
<META http-equiv=Content-Type content="text/html; charset=utf-8">
<TITLE>Thành ủy Bắc Kạn - Tin hoạt động</TITLE>
<META property=og:title content="{html.escape(title)}">
<META name=pubdate content="14/04/2023">
<SCRIPT language=javascript src="/js/menu.js"></SCRIPT>
<SCRIPT>function showMenu(id) {{ document.getElementById(id).style.display = 'block'; }}</SCRIPT>
</HEAD>
<BODY leftMargin=0 topMargin=0>
<TABLE width=1000 align=center border=0 cellPadding=0 cellSpacing=0>
  <TR><TD colspan=2 class=banner><IMG src="/images/banner.jpg" alt="Đảng bộ thành phố Bắc Kạn"></TD></TR>
  <TR><TD colspan=2 class=menungang>
    <A href="/">TRANG CHỦ</A> | <A href="/gioithieu">GIỚI THIỆU</A> | <A href="/tintuc">TIN TỨC</A> | <A href="/vanban">VĂN BẢN</A> | <A href="/lienhe">LIÊN HỆ</A>
  </TD></TR>
  <TR>
    <TD width=200 vAlign=top class=left-column>
      <TABLE class=menudoc width="100%">
        <TR><TD><A href="/dangbo">Đảng bộ phường Phùng Chí Kiên</A></TD></TR>
        <TR><TD><A href="/dangbo2">Đảng bộ phường Sông Cầu</A></TD></TR>
        <TR><TD><A href="/dangbo3">Đảng bộ xã Dương Quang</A></TD></TR>
      </TABLE>
    </TD>
    <TD vAlign=top width=800>
      <TABLE width="100%" class=khungtin>
        <TR><TD class=title_news><B>{html.escape(title, quote=False)}</B></TD></TR>
        <TR><TD class=ngaydang>Cập nhật: 14/04/2023</TD></TR>
        <TR><TD class=noidung align=justify>
{chr(10).join(lines)}
<P align=right><B>{html.escape(byline)}</B></P>
        </TD></TR>
        <TR><TD class=congcu><A href="javascript:window.print()">In bài viết</A> | <A href="mailto:">Gửi email</A> | <A href="#top">Về đầu trang</A></TD></TR>
      </TABLE>
      <TABLE width="100%" class=tinkhac>
        <TR><TD><B>Các tin khác</B></TD></TR>
        <TR><TD>- <A href="/tin/10">Thường trực Thành ủy làm việc với Đảng ủy phường Nguyễn Thị Minh Khai</A> (10/04/2023)</TD></TR>
        <TR><TD>- <A href="/tin/11">Bí thư Thành ủy Cù Ngọc Cường tiếp xúc cử tri phường Huyền Tụng</A> (05/04/2023)</TD></TR>
      </TABLE>
    </TD>
  </TR>
  <TR><TD colspan=2 class=footer>Bản quyền thuộc Thành ủy Bắc Kạn. Địa chỉ: Tổ 1, phường Đức Xuân. Điện thoại: 0209.3870.000</TD></TR>
</TABLE>
</BODY>
</HTML>
"""
    write("backan_ducxuan.html", page)
    write("backan_ducxuan.txt", text)


# ---------------------------------------------------------------------------
# 3. An HTML5 portal page saved in windows-1258 (combining tone marks), with
#    Windows line ends: ninhthuan_thanhson.html
# ---------------------------------------------------------------------------
def page_thanhson():
    text = seed("003_")
    title, counter, paras, byline = parts(text)
    body = []
    for i, p in enumerate(paras):
        e = html.escape(p, quote=False)
        if i == 0:
            e = e.replace("Bùi Văn Phú", '<a href="/tag/bui-van-phu" class="tag-link">Bùi Văn Phú</a>', 1)
            e = e.replace("Nguyễn Thành Phú", "<em>Nguyễn Thành Phú</em>", 1)
        body.append("        <p>" + e + "</p>")
        if i == 2:
            body.append('        <figure class="image"><img src="/a.jpg" alt="Toàn cảnh"><figcaption>Quang cảnh buổi làm việc.</figcaption></figure>')
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<title>Thành ủy PRTC</title>
<meta name="description" content="Tin hoạt động của Thành ủy Phan Rang - Tháp Chàm">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Thường trực Thành ủy làm việc", "datePublished": "2022-05-12T07:00:00+07:00"}}</script>
</head>
<body>
<header class="site-header"><a class="logo" href="/">THÀNH ỦY PHAN RANG - THÁP CHÀM</a>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/phuong-xa">Phường, xã</a></li></ul></nav>
</header>
<main>
  <article class="post">
    <header><h1 class="entry-title">{html.escape(title, quote=False)}</h1>
      <p class="meta"><time datetime="2022-05-12T07:00:00+07:00">12/05/2022</time> - Lượt xem: 245</p></header>
    <div class="entry-content">
{chr(10).join(body)}
        <p class="author">{html.escape(byline)}</p>
    </div>
    <div class="social-share"><button>Thích</button><button>Chia sẻ</button></div>
    <section class="comments"><h2>Bình luận</h2><p>Chưa có bình luận nào. Hãy là người đầu tiên góp ý cho phường Đô Vinh.</p></section>
  </article>
  <aside class="sidebar"><h2>Đọc nhiều</h2><p>Đảng ủy phường Mỹ Hải tổ chức hội nghị giữa nhiệm kỳ với sự tham dự của đồng chí Lê Văn Khách.</p></aside>
</main>
<footer><p>Thành ủy Phan Rang - Tháp Chàm, 405 Thống Nhất, phường Kinh Dinh.</p></footer>
</body>
</html>
"""
    page = page.replace("\n", "\r\n")
    tmp = os.path.join(HERE, "ninhthuan_thanhson.utf8.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(page)
    # glibc's iconv writes windows-1258 with combining tone marks, as old Windows editors did
    data = subprocess.run(["iconv", "-f", "UTF-8", "-t", "WINDOWS-1258", tmp], check=True,
                          capture_output=True).stdout
    os.unlink(tmp)
    with open(os.path.join(HERE, "ninhthuan_thanhson.html"), "wb") as f:
        f.write(data)
    write("ninhthuan_thanhson.txt", text)


page_caukho()
page_ducxuan()
page_thanhson()
