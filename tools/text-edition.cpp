// joinedup-text <content-dir> <out-dir>: the TEXT EDITION of Joined-Up. Loads a content pack
// with jup::load_content (refusing to write anything if it has errors) and writes plain,
// semantic, accessible HTML pages for screen readers, keyboard users, print and slow devices:
// index, boards (one page each), case studies, money, places, glossary, timeline, sources (the
// five documents with line anchors d<doc>-L<line>) and about (licences), plus text.css.
// Board pages also carry their questions as native form controls, emitted hidden and brought to
// life by answer.js (web/text/) with the core's answer module; no other page has a script, and
// no page makes a request to another site.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>


#include "core/content.hpp"
#include "core/present/about.hpp"
#include "core/present/board.hpp"
#include "core/geo.hpp"
#include "core/present/case_card.hpp"
#include "core/present/pound.hpp"
#include "core/format.hpp"
#include "core/terms.hpp"
#include "core/vocab.hpp"

namespace fs = std::filesystem;
using jup::Content;
using jup::Flag;
using jup::Item;
using jup::Source;

// ---- the stylesheet ---------------------------------------------------------------------

static const char* kCss = R"CSS(/* Joined-Up text edition. Large text, high contrast, visible focus; no web fonts fetched. */
html { font-size: 112.5%; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #ffffff; color: #1b1b1b;
  font-family: Inter, "Inter Variable", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem; line-height: 1.5;
}
.skip-link {
  position: absolute; left: 0.5rem; top: -10rem; z-index: 10;
  background: #ffdd00; color: #0b0c0c; padding: 0.5rem 1rem; font-weight: 700;
}
.skip-link:focus { top: 0.5rem; }
.sr-only {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
a { color: #0b4f9c; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #5b2a86; }
a:hover { color: #062e5c; text-decoration-thickness: 0.15em; }
a:focus, a:focus-visible, [tabindex]:focus-visible, summary:focus-visible {
  outline: 3px solid #0b0c0c; outline-offset: 2px; background: #ffdd00; color: #0b0c0c;
  text-decoration: none; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c;
}
main:focus { outline: none; }
main:focus-visible { outline: 3px solid #0b0c0c; outline-offset: 4px; }
.site-header { background: #12284c; color: #ffffff; padding: 0.75rem 1rem 0.5rem; }
.site-header a, .site-header a:visited { color: #ffffff; }
.site-header a:focus { color: #0b0c0c; }
.site-name { margin: 0 0 0.25rem; font-size: 1.25rem; font-weight: 700; }
.site-name a { text-decoration: none; }
.site-header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.site-header nav li { margin: 0; }
.site-header nav a { display: inline-block; padding: 0.25rem 0; }
.site-header nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 0.2em; }
main { display: block; max-width: 46rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
main.wide { max-width: 84rem; }
footer { border-top: 1px solid #6b6b6b; margin-top: 2rem; padding: 1rem; font-size: 0.9rem; }
footer p { max-width: 46rem; margin: 0.25rem auto; }
h1, h2, h3, h4 { line-height: 1.25; color: #0b0c0c; }
h1 { font-size: 2rem; margin: 1rem 0 1rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 2px solid #12284c; }
h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
p, li, dd { max-width: 42rem; }
.lead { font-size: 1.2rem; }
blockquote {
  margin: 0.5rem 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid #505a5f; color: #1b1b1b;
}
blockquote p { margin: 0.25rem 0; }
q { font-style: normal; }
.cite { margin: 0.25rem 0; font-size: 0.95rem; }
.items { list-style: none; padding: 0; margin: 0; }
.items > li { margin: 0 0 1.25rem; padding: 0 0 1rem; border-bottom: 1px solid #d0d0d0; }
.items > li:last-child { border-bottom: none; }
.label { margin: 0 0 0.25rem; font-weight: 700; }
.meta { margin: 0 0 0.25rem; color: #3b3b3b; }
.flag {
  margin: 0.5rem 0; padding: 0.25rem 0.75rem; border: 2px solid #8a4b00; background: #fff7e6; color: #1b1b1b;
}
.flag-kind { font-weight: 700; color: #6b3a00; }
.flag-tag { display: inline-block; margin-left: 0.35rem; padding: 0 0.35rem; border: 1px solid #8a4b00; background: #fff7e6; color: #6b3a00; font-size: 0.85rem; font-weight: 600; white-space: nowrap; }
.flag-tag a, .flag-tag a:visited { color: #6b3a00; }
.note { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 4px solid #12284c; background: #f3f2f1; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
dl.glossary dt { font-weight: 700; font-size: 1.1rem; margin-top: 1.5rem; padding-top: 0.5rem; border-top: 1px solid #d0d0d0; }
dl.glossary dd { margin: 0.25rem 0 0 0; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; max-width: 60rem; }
caption .caption-note { display: block; font-weight: 400; font-size: 0.9rem; }
th, td { border: 1px solid #8c8c8c; padding: 0.3rem 0.5rem; vertical-align: top; }
thead th { background: #e8ecf2; text-align: left; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
td.src { white-space: nowrap; }
tbody th { text-align: left; font-weight: 400; min-width: 11rem; }
tr.subtotal th, tr.subtotal td { font-weight: 700; background: #f3f2f1; }
tr.total th, tr.total td { font-weight: 700; background: #e8ecf2; border-top: 3px double #0b0c0c; }
.table-notes { font-size: 0.95rem; }
details { margin: 0.5rem 0 1rem; }
summary { cursor: pointer; color: #0b4f9c; text-decoration: underline; }
.contents { columns: 2 18rem; }
.doc-text { font-size: 0.95rem; border-top: 1px solid #8c8c8c; margin-top: 1rem; }
.line { display: flex; gap: 0.75rem; padding: 0 0.25rem; scroll-margin-top: 3rem; }
.line .ln { flex: 0 0 3.5rem; text-align: right; color: #505050; user-select: none; font-variant-numeric: tabular-nums; }
.line .lt { flex: 1 1 auto; min-width: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.line.blank { height: 0.5rem; }
.line:target { background: #ffdd00; outline: 2px solid #0b0c0c; }
time { font-weight: 700; }
abbr[title] { text-decoration: underline dotted; }
a.term { text-decoration-style: dotted; }
ol.timeline { list-style: none; padding: 0; }
@media (max-width: 40rem) {
  html { font-size: 106.25%; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 0.5rem; }
}
@media print {
  html { font-size: 11pt; }
  body { background: #ffffff; color: #000000; }
  .skip-link, .site-header nav, nav, footer .screen-only { display: none !important; }
  .site-header { background: #ffffff; color: #000000; border-bottom: 1px solid #000000; padding: 0; }
  .site-header a { color: #000000; }
  main, main.wide { max-width: none; padding: 0; }
  p, li, dd { max-width: none; }
  a, a:visited { color: #000000; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  main h2 { break-before: page; page-break-before: always; border-top: none; }
  h1, h2, h3, h4 { color: #000000; break-after: avoid; page-break-after: avoid; }
  blockquote, tr, .flag, li { break-inside: avoid; page-break-inside: avoid; }
  .flag, .note, .flag-tag { background: #ffffff; border-color: #000000; color: #000000; }
  .flag-kind, .flag-tag a { color: #000000; }
  thead th, tr.subtotal th, tr.subtotal td, tr.total th, tr.total td { background: #ffffff; }
  .table-wrap { overflow: visible; }
  .line:target { background: #ffffff; outline: none; }
}
)CSS";

// ---- escaping and text ------------------------------------------------------------------

// Valid UTF-8 out: invalid sequences become U+FFFD; C0 controls (other than tab and newline)
// are dropped. Then &, <, >, ", ' are escaped.
static std::string esc(const std::string& s) {
    std::string o;
    o.reserve(s.size() + 16);
    size_t i = 0, n = s.size();
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
                case '&': o += "&amp;"; break;
                case '<': o += "&lt;"; break;
                case '>': o += "&gt;"; break;
                case '"': o += "&quot;"; break;
                case '\'': o += "&#39;"; break;
                case '\t': case '\n': o += (char)c; break;
                case '\r': break;
                default:
                    if (c >= 0x20 && c != 0x7f) o += (char)c;
            }
            ++i;
            continue;
        }
        int len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        bool ok = len > 0 && i + len <= n;
        for (int k = 1; ok && k < len; ++k) ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
        if (ok && len == 3) {
            unsigned char d = (unsigned char)s[i + 1];
            if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d >= 0xA0)) ok = false;
        }
        if (ok && len == 4) {
            unsigned char d = (unsigned char)s[i + 1];
            if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d >= 0x90)) ok = false;
        }
        if (ok) {
            o.append(s, i, len);
            i += len;
        } else {
            o += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return o;
}

static std::string str_lower(std::string s) {
    for (auto& ch : s) ch = (char)std::tolower((unsigned char)ch);
    return s;
}

using jup::fmt::amount;
using jup::fmt::number;
using jup::fmt::unit_words;

static const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"};

// "2020-12-10" -> "10 December 2020", "2014-10" -> "October 2014", "2015" -> "2015".
static std::string human_date(const std::string& d) {
    int y = 0, m = 0, day = 0;
    int got = std::sscanf(d.c_str(), "%d-%d-%d", &y, &m, &day);
    if (got >= 2 && m >= 1 && m <= 12) {
        std::string s = std::string(kMonths[m - 1]) + " " + std::to_string(y);
        if (got == 3) s = std::to_string(day) + " " + s;
        return s;
    }
    return d;
}

static bool valid_datetime(const std::string& d) {
    if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
    for (size_t i = 0; i < d.size(); ++i) {
        bool dash = i == 4 || i == 7;
        if (dash ? d[i] != '-' : !std::isdigit((unsigned char)d[i])) return false;
    }
    return true;
}

static std::string cap_first(std::string s) {
    if (!s.empty()) s[0] = (char)std::toupper((unsigned char)s[0]);
    return s;
}

// ---- the site ---------------------------------------------------------------------------

struct Site {
    const Content& c;
    std::map<std::string, std::string> doc_short;  // doc id -> short title
    std::vector<jup::TermForm> forms;  // glossary forms, longest first
    std::map<std::string, std::string> anchor;  // claim/figure/row id -> "#..." on money.html
    const jup::geo::Geo* geo = nullptr;  // the map's boundaries, for their credit; null if missing
    explicit Site(const Content& cc) : c(cc) {}
};

struct Page {
    Site& s;
    std::string root;  // "" or "../"
    jup::FirstUses terms;  // glossary terms and forms already marked on this page
    std::ostringstream out;
    Page(Site& site, std::string r) : s(site), root(std::move(r)) {}
};

// Escaped text in which glossary terms (jup::term_matches: acronyms and capitalised forms, whole
// words) are marked as jup::FirstUses says: the first use of a term on the page is linked to the
// glossary, and the first use of each short form is an <abbr> with the expansion.
static std::string prose(Page& p, const std::string& text) {
    std::string o;
    size_t plain = 0;
    for (const jup::TermMatch& m : jup::term_matches(p.s.forms, text)) {
        jup::FirstUses::Mark k = p.terms.mark(m, text);
        if (!k.link && !k.abbr) continue;
        o += esc(text.substr(plain, m.pos - plain));
        const auto& t = *m.term;
        std::string shown = esc(text.substr(m.pos, m.len));
        if (k.abbr) shown = "<abbr title=\"" + esc(t.expansion) + "\">" + shown + "</abbr>";
        if (k.link) shown = "<a class=\"term\" href=\"" + p.root + "glossary.html#" + esc(t.id) + "\">" + shown + "</a>";
        o += shown;
        plain = m.pos + m.len;
    }
    o += esc(text.substr(plain));
    return o;
}

static std::string lines_text(const Source& src) {
    if (src.to > src.from) return "lines " + std::to_string(src.from) + "\xE2\x80\x93" + std::to_string(src.to);
    return "line " + std::to_string(src.from);
}

static std::string src_href(const Page& p, const Source& src) {
    return p.root + "sources.html#d" + esc(src.doc) + "-L" + std::to_string(src.from);
}

static std::string doc_name(const Site& s, const std::string& id) {
    auto it = s.doc_short.find(id);
    return it == s.doc_short.end() ? "document " + id : it->second;
}

// "Source: London integration report, line 616" as a link to the exact line.
static std::string src_link(const Page& p, const Source& src, const std::string& label = "Source") {
    if (!src.present()) return "<span class=\"meta\">Not from the documents: see the note.</span>";
    return "<a href=\"" + src_href(p, src) + "\">" + esc(label) + ": " + esc(doc_name(p.s, src.doc)) + ", " + lines_text(src) + "</a>";
}

static void flags(Page& p, const std::vector<Flag>& fl) {
    for (auto& f : fl)
        p.out << "<p class=\"flag\"><strong class=\"flag-kind\">" << esc(jup::vocab::flag_label(f.kind)) << ":</strong> " << prose(p, f.note) << "</p>\n";
}

// The verbatim quote and its source link. `text` is the item's text, shown as the quote when it
// is the quote; otherwise both are shown.
// The same words, ignoring whitespace and the source's markdown emphasis marks (* and _).
static bool same_words(const std::string& a, const std::string& b) {
    auto strip = [](const std::string& s) {
        std::string o;
        for (char ch : s)
            if (ch != '*' && ch != '_') o += ch;
        return jup::collapse_ws(o);
    };
    return strip(a) == strip(b);
}

static void quoted(Page& p, const std::string& text, const Source& src) {
    if (!text.empty()) {
        p.out << "<blockquote><p>" << prose(p, text) << "</p></blockquote>\n";
        if (src.present() && !src.quote.empty() && !same_words(src.quote, text))
            p.out << "<p class=\"cite\">Source wording: <q>" << prose(p, src.quote) << "</q></p>\n";
    } else if (src.present() && !src.quote.empty()) {
        p.out << "<blockquote><p>" << prose(p, src.quote) << "</p></blockquote>\n";
    }
    p.out << "<p class=\"cite\">" << src_link(p, src) << "</p>\n";
}

// `answer`: the item's form control (the text edition's answers), written after its source.
static void item(Page& p, const Item& it, const std::string& prefix = "", const std::string& answer = "") {
    p.out << "<li>";
    std::string label = it.label;
    if (!prefix.empty()) label = label.empty() ? prefix : prefix + ": " + label;
    if (!label.empty()) p.out << "<p class=\"label\">" << prose(p, label) << "</p>\n";
    if (!it.speaker.empty()) p.out << "<p class=\"meta\">Said by: " << prose(p, it.speaker) << "</p>\n";
    quoted(p, it.text, it.source);
    flags(p, it.flags);
    p.out << answer << "</li>\n";
}

static void items(Page& p, const std::vector<Item>& v, const std::function<std::string(const Item&)>& prefix = nullptr) {
    p.out << "<ul class=\"items\">\n";
    for (auto& it : v) item(p, it, prefix ? prefix(it) : "");
    p.out << "</ul>\n";
}

// ---- page frame ---------------------------------------------------------------------------

struct NavEntry {
    const char* file;
    const char* label;
};
static const NavEntry kNav[] = {
    {"index.html", "Home"},       {"boards.html", "Boards"},     {"case-studies.html", "Case studies"},
    {"money.html", "Money"},      {"places.html", "Places"},     {"glossary.html", "Glossary"},
    {"timeline.html", "Timeline"}, {"sources.html", "Sources"},  {"about.html", "About and licences"},
};

// A strict policy: this site's own files only; 'wasm-unsafe-eval' lets a board page compile its answer module.
static const char* kCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
                          "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

// `answers`: a board page that takes answers (answer.js and answer.css, web/text/).
static void begin(Page& p, const std::string& title, const std::string& current, bool wide = false, bool answers = false) {
    p.out << "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<meta http-equiv=\"Content-Security-Policy\" content=\"" << kCsp << "\">\n"
             "<title>"
          << esc(title) << " \xE2\x80\x93 Joined-Up text edition</title>\n"
          << "<link rel=\"icon\" href=\"" << p.root << "../icon.svg\" type=\"image/svg+xml\">\n"
          << "<link rel=\"stylesheet\" href=\"" << p.root << "text.css\">\n";
    if (answers)
        p.out << "<link rel=\"stylesheet\" href=\"" << p.root << "answer.css\">\n<script src=\"" << p.root
              << "answer.js\" defer></script>\n";
    p.out << "</head>\n<body>\n"
          << "<a class=\"skip-link\" href=\"#content\">Skip to content</a>\n"
          << "<header class=\"site-header\">\n<p class=\"site-name\"><a href=\"" << p.root
          << "index.html\">Joined-Up: text edition</a></p>\n<nav aria-label=\"Text edition\">\n<ul>\n";
    for (auto& e : kNav) {
        p.out << "<li><a href=\"" << p.root << e.file << "\"" << (current == e.file ? " aria-current=\"page\"" : "") << ">" << e.label
              << "</a></li>\n";
    }
    p.out << "<li><a href=\"" << p.root << "../index.html\">Interactive version</a></li>\n";
    p.out << "</ul>\n</nav>\n</header>\n<main id=\"content\" tabindex=\"-1\"" << (wide ? " class=\"wide\"" : "") << ">\n";
}

static void end(Page& p) {
    p.out << "</main>\n<footer>\n<p>Joined-Up text edition: the content of the interactive app as plain pages. "
             "Every item links to the line of the source document it quotes.</p>\n"
             "<p class=\"screen-only\"><a href=\""
          << p.root << "about.html\">About this edition, licences and attribution</a></p>\n</footer>\n</body>\n</html>\n";
}

static bool write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream f(path, std::ios::binary);
    f << text;
    f.close();
    if (!f) {
        std::fprintf(stderr, "joinedup-text: cannot write %s\n", path.string().c_str());
        return false;
    }
    return true;
}

// ---- names --------------------------------------------------------------------------------

static std::string place_name(const Site& s, const std::string& id, std::string* href, const std::string& root) {
    jup::present::PlaceName n = jup::present::place_name(s.c, id);
    if (href) *href = n.known ? root + "places.html#" + id : std::string();
    return n.name;
}

static std::string board_link(const Page& p, const std::string& id) {
    const jup::Board* b = p.s.c.board(id);
    std::string name = b ? b->title : id;
    return "<a href=\"" + p.root + "boards/" + esc(id) + ".html\">" + esc(name) + " board</a>";
}

static std::string case_study_link(const Page& p, const std::string& id) {
    const jup::CaseStudy* cs = p.s.c.case_study(id);
    std::string name = cs ? (cs->ref.empty() ? cs->title : cs->ref + ": " + cs->title) : id;
    return "<a href=\"" + p.root + "case-studies.html#" + esc(id) + "\">" + esc(name) + "</a>";
}

// ---- index ------------------------------------------------------------------------------

static std::string page_index(Site& s) {
    Page p(s, "");
    begin(p, "Home", "index.html");
    const Content& c = s.c;
    p.out << "<h1>Joined-Up: text edition</h1>\n"
          << "<p class=\"lead\">London's 2021 report <q>Why can't we?</q> on joining up health and care, and four related "
             "documents, as plain pages that work with screen readers, keyboards, magnifiers and printers.</p>\n"
          << "<p>"
          << prose(p, "The report turns years of debate about integrating the NHS, councils and the voluntary sector into questions, "
                      "commitments and case studies, built around London's five Ps: Purpose, Priorities, Place, Pounds and Providers, "
                      "with People as the sixth.")
          << " This edition has the same content as the <a href=\"../index.html\">Interactive version</a> "
             "of Joined-Up, without the interactive canvas. Every item quotes its source and links to the exact line of the "
             "document it comes from. Where the editors worked something out, or the source gets something wrong, a labelled "
             "note says so.</p>\n";
    p.out << "<h2>Pages</h2>\n<ul>\n"
          << "<li><a href=\"boards.html\">The \xE2\x80\x9CWhy can't we...?\xE2\x80\x9D boards</a>: " << c.boards.size()
          << " questions with their barriers, enablers, trade-offs and commitments.\n<ul>\n";
    std::vector<const jup::Board*> bs;
    for (auto& b : c.boards) bs.push_back(&b);
    std::stable_sort(bs.begin(), bs.end(), [](auto* a, auto* b) { return a->order < b->order; });
    for (auto* b : bs) p.out << "<li>" << board_link(p, b->id) << "</li>\n";
    p.out << "</ul></li>\n"
          << "<li><a href=\"case-studies.html\">Case studies</a>: " << c.case_studies.size() << " examples of joined-up work in London.</li>\n"
          << "<li><a href=\"money.html\">Money: the local pound</a>: City and Hackney's Integrated Commissioning Fund budgets for 2020/21, "
             "headline claims and where they disagree, funds and costs.</li>\n"
          << "<li><a href=\"places.html\">Places</a>: London's integrated care systems, boroughs, neighbourhoods and sites named in the documents.</li>\n"
          << "<li><a href=\"glossary.html\">Glossary</a>: " << c.terms.size() << " acronyms and terms.</li>\n"
          << "<li><a href=\"timeline.html\">Timeline</a>: " << c.events.size() << " dated events.</li>\n"
          << "<li><a href=\"sources.html\">Source documents</a>: the " << c.documents.size()
          << " documents in full, with numbered lines.</li>\n"
          << "<li><a href=\"about.html\">About this edition, licences and attribution</a></li>\n"
          << "<li><a href=\"../index.html\">Interactive version</a> (needs WebGL2)</li>\n</ul>\n";
    p.out << "<h2>How to read this edition</h2>\n<ul>\n"
          << "<li>Quotations are verbatim, including the source's own spelling. Each is followed by a link such as "
             "<q>Source: London integration report, line 616</q> that opens the source document at that line.</li>\n"
          << "<li>Notes from the editors are marked in words, for example <q>Derived:</q> for a figure computed from others, "
             "<q>Contradicted:</q> where the source gives another value elsewhere, and <q>Outside knowledge:</q> for a fact "
             "not in the documents.</li>\n"
          << "<li>The first time an acronym appears on a page it links to the glossary.</li>\n"
          << "<li>Each board page asks the same questions as the interactive version, with ordinary form controls: rate each "
             "barrier, back what helps, sign up to commitments, choose priorities, write a note, then save your answers to a file "
             "for your facilitator or share a link. Your answers are kept in this browser, the same ones in both versions.</li>\n</ul>\n";
    end(p);
    return p.out.str();
}

// ---- boards -----------------------------------------------------------------------------

static std::vector<const jup::Board*> sorted_boards(const Content& c) {
    std::vector<const jup::Board*> bs;
    for (auto& b : c.boards) bs.push_back(&b);
    std::stable_sort(bs.begin(), bs.end(), [](auto* a, auto* b) { return a->order < b->order; });
    return bs;
}

static std::string page_boards(Site& s) {
    Page p(s, "");
    begin(p, "Boards", "boards.html");
    p.out << "<h1>The <q>Why can't we...?</q> boards</h1>\n"
          << "<p class=\"lead\">One board for each of London's five Ps, the sixth P (People), and an overarching board. "
             "Each asks a <q>Why can't we...?</q> question and gathers what the documents say holds London back, what helps, "
             "the trade-offs and the commitments proposed.</p>\n";
    for (auto* b : sorted_boards(s.c)) {
        p.out << "<h2>" << esc(b->title) << "</h2>\n";
        if (!b->question.text.empty()) p.out << "<p>" << prose(p, b->question.text) << "</p>\n";
        size_t nb = 0;
        for (auto& g : b->barrier_groups) nb += g.barriers.size();
        p.out << "<p class=\"meta\">" << nb << " barriers, " << b->enablers.size() << " enablers, " << b->tradeoffs.size()
              << " trade-offs, " << b->commitments.size() << " commitments.</p>\n"
              << "<p>" << "<a href=\"boards/" << esc(b->id) << ".html\">Read the " << esc(b->title) << " board</a></p>\n";
    }
    end(p);
    return p.out.str();
}

// ---- answering on a board page ---------------------------------------------------------
// Every control is written from the same present::BoardPage as the canvas board, emitted
// `hidden`, and shown by answer.js once the answer module has loaded: without scripts the page
// reads as a plain page, with no dead controls. The script keeps each control in step with the
// module's board page (data-control, data-item) and sends the action the canvas would.

namespace pr = jup::present;

static std::string label_of(const Item& it) { return it.label.empty() ? it.id : it.label; }

static std::string rating_control(const pr::Entry& e) {
    const std::string& id = e.item->id;
    std::ostringstream o;
    o << "<fieldset class=\"answer rating\" hidden data-control=\"rating\" data-item=\"" << esc(id) << "\">\n<legend><span class=\"sr-only\">"
      << esc(label_of(*e.item)) << ": </span>" << pr::kRatingQuestion << "</legend>\n<div class=\"choices\">\n";
    for (int v = 0; v < 4; ++v)
        o << "<label><input type=\"radio\" name=\"rate-" << esc(id) << "\" value=\"" << v << "\"> " << pr::kRatingWords[v] << "</label>\n";
    o << "</div>\n<button type=\"button\" class=\"secondary\" data-clear hidden aria-label=\"Clear my rating: " << esc(label_of(*e.item))
      << "\">Clear my rating</button>\n</fieldset>\n";
    return o.str();
}

// A checkbox: backing an enabler, signing up to a commitment, choosing a priority. Its name for
// screen readers, which list controls out of context, is its visible words and the item's label.
static std::string check_control(const char* kind, const Item& it, const std::string& words, bool hint = false) {
    std::string id = std::string(kind) + "-" + it.id;
    std::ostringstream o;
    o << "<div class=\"answer check\" hidden data-control=\"" << kind << "\" data-item=\"" << esc(it.id) << "\">\n<input type=\"checkbox\" id=\""
      << esc(id) << "\" aria-label=\"" << esc(words + ": " + label_of(it)) << "\"" << (hint ? " aria-describedby=\"" + esc(id) + "-hint\"" : "")
      << "> <label for=\"" << esc(id) << "\">" << esc(words) << "</label>\n";
    if (hint) o << "<p class=\"hint\" id=\"" << esc(id) << "-hint\"></p>\n";
    o << "</div>\n";
    return o.str();
}

static std::string pool_control(const Item& it) {
    std::ostringstream o;
    o << "<div class=\"answer check\" hidden data-control=\"pool\" data-item=\"" << esc(it.id) << "\">\n<input type=\"radio\" name=\"pool-choice\" id=\"pool-"
      << esc(it.id) << "\" aria-label=\"This comes closest to what I think: " << esc(label_of(it)) << "\"> <label for=\"pool-" << esc(it.id)
      << "\">This comes closest to what I think</label>\n</div>\n";
    return o.str();
}

static void text_answer(Page& p, const char* control, const std::string& label_id, int rows) {
    p.out << "<div class=\"answer\" hidden>\n<textarea id=\"" << control << "\" data-control=\"" << control << "\" rows=\"" << rows
          << "\" aria-labelledby=\"" << label_id << "\" maxlength=\"" << jup::kMaxNoteBytes << "\"></textarea>\n</div>\n";
}

// The live region, the participant's files and the share link: one block at the end of the board.
static void answers_tools(Page& p) {
    p.out << "<section class=\"answer\" hidden aria-labelledby=\"your-answers\">\n<h2 id=\"your-answers\">Save, open or share your answers</h2>\n"
             "<p>Your answers stay in this browser, shared with the interactive version: an answer given in either is in the other. "
             "Nothing is sent anywhere. To hand them in, save them to a file and give it to your facilitator.</p>\n"
             "<p class=\"buttons\"><button type=\"button\" data-control=\"save\">Save my answers to a file</button>"
             " <button type=\"button\" data-control=\"clear\">Clear my answers</button></p>\n<p class=\"file\"><label for=\"open-file\">Open an answers file</label>\n"
             "<input type=\"file\" id=\"open-file\" accept=\".json,application/json\" data-control=\"open\"></p>\n"
             "<h3 id=\"share-h\">Share link</h3>\n<p id=\"share-about\">A link that carries your choices: whoever opens it sees this board "
             "with them, in the interactive version.</p>\n"
             "<p class=\"buttons\"><button type=\"button\" data-control=\"share\" aria-describedby=\"share-about\">Make a share link</button></p>\n"
             "<div data-share hidden>\n<label for=\"share-url\">Your share link</label>\n"
             "<input type=\"text\" id=\"share-url\" readonly data-control=\"share-url\">\n"
             "<p class=\"buttons\"><button type=\"button\" data-control=\"copy\">Copy the link</button></p>\n<p data-share-note></p>\n</div>\n"
             "</section>\n";
}

static std::string page_board(Site& s, const jup::Board& b, const jup::Board* prev, const jup::Board* next) {
    Page p(s, "../");
    begin(p, b.title + " board", "boards.html", false, true);
    p.out << "<h1>" << esc(b.title) << " board</h1>\n";
    if (!b.p.empty() && b.p != b.title) p.out << "<p class=\"meta\">London's P: " << esc(b.p) << "</p>\n";
    p.out << "<p class=\"meta\">Part of <a href=\"../boards.html\">the \xE2\x80\x9CWhy can't we...?\xE2\x80\x9D boards</a>.</p>\n";
    // The same sections, titles and order as the canvas board (core/present/board.*).
    jup::State none;
    pr::BoardPage pg = pr::board_page(s.c, none, b);
    p.out << "<div class=\"answer-intro\" data-board=\"" << esc(b.id) << "\">\n"
          << "<p data-answer-off>You can answer this board's questions on this page when JavaScript is on; until then it reads as a "
             "plain page.</p>\n"
          << "<p class=\"answer\" hidden>Answer on this page: each barrier asks <q>" << pr::kRatingQuestion
          << "</q>, and you can back what helps, sign up to commitments and write a note. <a href=\"#your-answers\">Save, open or "
             "share your answers</a>.</p>\n"
          << "<p class=\"live\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\" id=\"answer-live\"></p>\n</div>\n";
    if (!b.question.text.empty() || b.question.source.present()) {
        p.out << "<h2>The question</h2>\n";
        p.out << "<div class=\"lead\">";
        quoted(p, b.question.text, b.question.source);
        p.out << "</div>\n";
        flags(p, b.question.flags);
    }
    if (!b.opening_quote.text.empty() || b.opening_quote.source.present()) {
        p.out << "<h2>Opening quote</h2>\n";
        if (!b.opening_quote.speaker.empty()) p.out << "<p class=\"meta\">Said by: " << prose(p, b.opening_quote.speaker) << "</p>\n";
        quoted(p, b.opening_quote.text, b.opening_quote.source);
        flags(p, b.opening_quote.flags);
    }
    auto options = [&](const char* title, const std::string& intro, const std::vector<pr::Option>& v, const std::function<std::string(const Item&)>& control) {
        p.out << "<h2>" << esc(title) << "</h2>\n<p>" << prose(p, intro) << "</p>\n<ul class=\"items\">\n";
        for (auto& o : v) item(p, *o.item, "", control(*o.item));
        p.out << "</ul>\n";
    };
    if (pg.priorities) {
        options(pg.priorities->title.c_str(), pg.priorities->intro, pg.priorities->options,
                [](const Item& it) { return check_control("priority", it, "Choose as a priority", true); });
        p.out << "<p id=\"deprioritised-q\">" << prose(p, pg.priorities->ask) << "</p>\n";
        text_answer(p, "deprioritised", "deprioritised-q", 3);
        p.out << "<p class=\"answer status\" hidden data-status=\"priorities\"></p>\n";
    }
    if (pg.pool) {
        options(pg.pool->title.c_str(), pg.pool->intro, pg.pool->options, pool_control);
        p.out << "<div class=\"answer\" hidden><button type=\"button\" class=\"secondary\" data-control=\"pool-clear\" hidden>Clear my choice</button></div>\n";
        p.out << "<p id=\"exception-q\">" << prose(p, pg.pool->exceptions_ask) << "</p>\n"
              << "<div class=\"answer\" hidden>\n<h3 id=\"exceptions-h\">Your reasons not to pool</h3>\n<ul class=\"exceptions\" data-exceptions "
                 "aria-labelledby=\"exceptions-h\"></ul>\n<textarea id=\"exception\" rows=\"2\" aria-labelledby=\"exception-q\" maxlength=\""
              << jup::kMaxExceptionBytes << "\"></textarea>\n<p class=\"buttons\"><button type=\"button\" data-control=\"exception-add\">Add this reason</button></p>\n</div>\n";
    }
    for (auto& sec : pg.sections) {
        int h = sec.level;
        p.out << "<h" << h << " id=\"" << esc(sec.key) << "\">" << esc(sec.title) << "</h" << h << ">\n";
        if (!sec.intro.empty()) p.out << "<p>" << prose(p, sec.intro) << "</p>\n";
        if (sec.entries.empty()) continue;
        p.out << "<ul class=\"items\">\n";
        for (auto& e : sec.entries) {
            std::string control = e.control == pr::Control::Rating ? rating_control(e)
                                  : e.control == pr::Control::Back ? check_control("back", *e.item, e.control_label)
                                  : e.control == pr::Control::SignUp ? check_control("signup", *e.item, e.control_label)
                                                                     : "";
            item(p, *e.item, e.prefix, control);
        }
        p.out << "</ul>\n";
    }
    p.out << "<h2 id=\"note-h\" class=\"answer\" hidden>" << esc(pg.note_title) << "</h2>\n";
    text_answer(p, "note", "note-h", 6);
    answers_tools(p);
    if (!b.case_studies.empty()) {
        p.out << "<h2>Linked case studies</h2>\n<ul>\n";
        for (auto& id : b.case_studies) p.out << "<li>" << case_study_link(p, id) << "</li>\n";
        p.out << "</ul>\n";
    }
    if (!b.places.empty()) {
        p.out << "<h2>Places</h2>\n<ul>\n";
        for (auto& id : b.places) {
            std::string href, name = place_name(s, id, &href, p.root);
            p.out << "<li>" << (href.empty() ? esc(name) : "<a href=\"" + esc(href) + "\">" + esc(name) + "</a>") << "</li>\n";
        }
        p.out << "</ul>\n";
    }
    if (!b.terms.empty()) {
        p.out << "<h2>Terms used on this board</h2>\n<ul>\n";
        for (auto& id : b.terms) {
            const jup::Term* t = s.c.term(id);
            if (!t) continue;
            p.out << "<li><a href=\"../glossary.html#" << esc(t->id) << "\">" << esc(t->term) << "</a>";
            if (!t->expansion.empty() && t->expansion != t->term) p.out << ": " << esc(t->expansion);
            p.out << "</li>\n";
        }
        p.out << "</ul>\n";
    }
    p.out << "<h2>More boards</h2>\n<ul>\n";
    if (prev) p.out << "<li>Previous: " << board_link(p, prev->id) << "</li>\n";
    if (next) p.out << "<li>Next: " << board_link(p, next->id) << "</li>\n";
    p.out << "<li><a href=\"../boards.html\">All boards</a></li>\n</ul>\n";
    end(p);
    return p.out.str();
}

// ---- case studies -------------------------------------------------------------------------

static void case_facts(Page& p, const jup::present::CaseCard& k) {
    const Site& s = p.s;
    const jup::CaseStudy& cs = *k.cs;
    p.out << "<dl class=\"facts\">\n";
    if (!k.kind.empty()) p.out << "<dt>Kind</dt><dd>" << esc(k.kind) << "</dd>\n";
    if (cs.year) p.out << "<dt>Year</dt><dd>" << cs.year << "</dd>\n";
    if (!k.scale.empty()) p.out << "<dt>Scale</dt><dd>" << esc(k.scale) << "</dd>\n";
    if (!cs.doc.empty()) p.out << "<dt>Document</dt><dd><a href=\"sources.html#doc-" << esc(cs.doc) << "\">" << esc(doc_name(s, cs.doc)) << "</a></dd>\n";
    if (!k.places.empty()) {
        p.out << "<dt>Places</dt><dd>";
        for (size_t i = 0; i < k.places.size(); ++i) {
            const auto& pl = k.places[i];
            p.out << (i ? ", " : "") << (pl.known ? "<a href=\"places.html#" + esc(pl.id) + "\">" + esc(pl.name) + "</a>" : esc(pl.name));
        }
        p.out << "</dd>\n";
    }
    if (!cs.partners.empty()) {
        p.out << "<dt>Partners</dt><dd>";
        for (size_t i = 0; i < cs.partners.size(); ++i) p.out << (i ? "; " : "") << prose(p, cs.partners[i]);
        p.out << "</dd>\n";
    }
    if (!cs.boards.empty()) {
        p.out << "<dt>Boards</dt><dd>";
        for (size_t i = 0; i < cs.boards.size(); ++i) p.out << (i ? ", " : "") << board_link(p, cs.boards[i]);
        p.out << "</dd>\n";
    }
    p.out << "</dl>\n";
}

static void case_figures(Page& p, const jup::present::CaseCard& k) {
    const jup::CaseStudy& cs = *k.cs;
    std::string cap = cs.id + "-metrics";
    p.out << "<h3>Metrics</h3>\n<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"" << esc(cap)
          << "\" tabindex=\"0\">\n<table>\n<caption id=\"" << esc(cap) << "\">Metrics for " << esc(cs.ref.empty() ? cs.title : cs.ref)
          << "</caption>\n<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">Value</th>";
    if (k.any_baseline) p.out << "<th scope=\"col\" class=\"num\">Baseline</th>";
    if (k.any_date) p.out << "<th scope=\"col\">Date</th>";
    if (k.any_cited) p.out << "<th scope=\"col\">Cited source</th>";
    p.out << "<th scope=\"col\">Source</th></tr></thead>\n<tbody>\n";
    std::vector<std::pair<const jup::Metric*, const Flag*>> notes;
    for (auto& f : k.figures) {
        const jup::Metric& m = *f.metric;
        p.out << "<tr><th scope=\"row\">" << prose(p, m.label);
        for (auto& fl : m.flags) {
            notes.push_back({&m, &fl});
            p.out << " <span class=\"flag-tag\"><a href=\"#" << esc(cs.id) << "-note-" << notes.size() << "\">"
                  << esc(jup::vocab::flag_label(fl.kind)) << ": note " << notes.size() << "</a></span>";
        }
        p.out << "</th><td class=\"num\">" << (!f.value.empty() ? esc(f.value) : "<span aria-hidden=\"true\">\xE2\x80\x93</span><span class=\"sr-only\">not given</span>") << "</td>";
        if (k.any_baseline) p.out << "<td class=\"num\">" << esc(f.baseline) << "</td>";
        if (k.any_date) p.out << "<td>" << esc(m.date) << "</td>";
        if (k.any_cited) p.out << "<td>" << prose(p, m.cited_source) << "</td>";
        p.out << "<td>" << src_link(p, m.source) << "</td></tr>\n";
    }
    p.out << "</tbody>\n</table>\n</div>\n";
    p.out << "<details><summary>Source quotes for these metrics</summary>\n<ul class=\"items\">\n";
    for (auto& f : k.figures) {
        p.out << "<li><p class=\"label\">" << esc(f.metric->label) << "</p>\n";
        quoted(p, "", f.metric->source);
        p.out << "</li>\n";
    }
    p.out << "</ul>\n</details>\n";
    if (!notes.empty()) {
        p.out << "<h4>Notes on the metrics</h4>\n<ol class=\"table-notes\">\n";
        for (size_t i = 0; i < notes.size(); ++i)
            p.out << "<li id=\"" << esc(cs.id) << "-note-" << i + 1 << "\"><strong>" << esc(jup::vocab::flag_label(notes[i].second->kind))
                  << "</strong> (" << esc(notes[i].first->label) << "): " << prose(p, notes[i].second->note) << "</li>\n";
        p.out << "</ol>\n";
    }
}

static std::string page_case_studies(Site& s) {
    Page p(s, "");
    begin(p, "Case studies", "case-studies.html");
    const Content& c = s.c;
    p.out << "<h1>Case studies</h1>\n<p class=\"lead\">" << esc(jup::present::case_studies_intro()) << "</p>\n";
    p.out << "<nav aria-label=\"Case studies on this page\">\n<ul class=\"contents\">\n";
    for (auto& cs : c.case_studies) p.out << "<li><a href=\"#" << esc(cs.id) << "\">" << esc(jup::present::case_heading(cs)) << "</a></li>\n";
    p.out << "</ul>\n</nav>\n";
    for (auto& cs : c.case_studies) {
        jup::present::CaseCard k = jup::present::case_card(c, cs);
        p.out << "<section id=\"" << esc(cs.id) << "\" aria-labelledby=\"" << esc(cs.id) << "-h\">\n<h2 id=\"" << esc(cs.id) << "-h\">"
              << esc(k.heading) << "</h2>\n";
        case_facts(p, k);
        if (cs.source.present()) p.out << "<p class=\"cite\">" << src_link(p, cs.source, "Where it starts") << "</p>\n";
        flags(p, cs.flags);
        if (!cs.summary.text.empty()) {
            p.out << "<h3>Summary</h3>\n";
            quoted(p, cs.summary.text, cs.summary.source);
            flags(p, cs.summary.flags);
        }
        if (!cs.what_was_done.empty()) {
            p.out << "<h3>What was done</h3>\n";
            items(p, cs.what_was_done);
        }
        if (!k.figures.empty()) case_figures(p, k);
        if (!cs.lessons.empty()) {
            p.out << "<h3>Lessons</h3>\n";
            items(p, cs.lessons);
        }
        if (!k.themes.empty()) {
            p.out << "<h3>Themes</h3>\n<ul class=\"items\">\n";
            for (auto& t : k.themes) {
                p.out << "<li><p class=\"label\">" << board_link(p, t.theme->board) << (t.basis.empty() ? "" : " (" + t.basis + ")") << "</p>\n";
                if (t.theme->source.present()) quoted(p, "", t.theme->source);
                if (!t.theme->note.empty()) p.out << "<p class=\"note\">" << prose(p, t.theme->note) << "</p>\n";
                flags(p, t.theme->flags);
                p.out << "</li>\n";
            }
            p.out << "</ul>\n";
        }
        p.out << "</section>\n";
    }
    end(p);
    return p.out.str();
}

// ---- money ------------------------------------------------------------------------------

using jup::present::Sign;

static std::string cell_value(const double* vp, const std::string& col, Sign sign) {
    if (!vp) return "<span aria-hidden=\"true\">\xE2\x80\x93</span><span class=\"sr-only\">no figure</span>";
    double v = *vp;
    if (col == "probability" || col == "share") return esc(number(v * 100)) + "%";
    std::string o = esc(number(v));
    if (sign == Sign::Variance && v < 0) o += "<span class=\"sr-only\"> overspend</span>";
    if (sign == Sign::Variance && v > 0) o += "<span class=\"sr-only\"> underspend</span>";
    if (sign == Sign::OverUnder && v > 0) o += "<span class=\"sr-only\"> overspend</span>";
    if (sign == Sign::OverUnder && v < 0) o += "<span class=\"sr-only\"> underspend</span>";
    return o;
}

// A money table as a real <table>: caption with unit and sign convention, column and row
// headers, subtotals and totals marked, sources and quotes for each row, flags as notes.
static void money_table(Page& p, const jup::MoneyTable& t, const std::string& sign_text, bool report_table, const char* row_head) {
    std::string cap = "cap-" + t.id;
    bool any_fund = false, any_host = false;
    for (auto& r : t.rows) {
        any_fund |= !r.fund_type.empty();
        any_host |= !r.host.empty();
    }
    p.out << "<h3 id=\"" << esc(t.id) << "\">" << esc(t.title) << "</h3>\n";
    if (t.source.present()) quoted(p, "", t.source);
    flags(p, t.flags);
    if (!t.note.empty()) p.out << "<p class=\"note\"><strong>Editors' note:</strong> " << prose(p, t.note) << "</p>\n";
    p.out << "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"" << esc(cap) << "\" tabindex=\"0\">\n<table>\n<caption id=\"" << esc(cap)
          << "\">" << esc(t.title) << "<span class=\"caption-note\">Figures in " << esc(unit_words(t.unit)) << ".";
    if (!sign_text.empty()) p.out << " " << esc(cap_first(sign_text)) << ".";
    p.out << " A dash means the source has no figure.</span></caption>\n<thead><tr><th scope=\"col\">" << row_head << "</th>";
    if (any_fund) p.out << "<th scope=\"col\">Fund type</th>";
    if (any_host) p.out << "<th scope=\"col\">Host</th>";
    for (auto& col : t.columns) p.out << "<th scope=\"col\" class=\"num\">" << esc(col.label) << "</th>";
    p.out << "<th scope=\"col\">Source</th></tr></thead>\n<tbody>\n";
    std::vector<std::pair<const jup::MoneyRow*, const Flag*>> notes;
    for (auto& r : t.rows) {
        std::string cls = r.kind == "subtotal" ? " class=\"subtotal\"" : r.kind == "total" ? " class=\"total\"" : "";
        p.out << "<tr id=\"row-" << esc(r.id) << "\"" << cls << "><th scope=\"row\">" << prose(p, r.label);
        if (r.kind == "subtotal" || r.kind == "total")
            p.out << "<span class=\"sr-only\"> (" << (r.kind == "total" ? "total" : "subtotal") << ")</span>";
        for (auto& f : r.flags) {
            notes.push_back({&r, &f});
            p.out << " <span class=\"flag-tag\"><a href=\"#" << esc(t.id) << "-note-" << notes.size() << "\">" << esc(jup::vocab::flag_label(f.kind))
                  << ": note " << notes.size() << "</a></span>";
        }
        p.out << "</th>";
        if (any_fund) {
            const jup::vocab::Entry* fw = r.fund_type.empty() ? nullptr : jup::vocab::fund_type(r.fund_type);
            p.out << "<td>" << (fw ? fw->label : "") << "</td>";
        }
        if (any_host) p.out << "<td>" << prose(p, r.host) << "</td>";
        for (auto& col : t.columns) {
            Sign sign = jup::present::column_sign(t, col, report_table);
            auto it = r.values.find(col.id);
            const double* v = it != r.values.end() && it->second ? &*it->second : nullptr;
            p.out << "<td class=\"num\">" << cell_value(v, col.id, sign) << "</td>";
        }
        p.out << "<td class=\"src\">";
        if (r.source.present())
            p.out << "<a href=\"" << src_href(p, r.source) << "\">" << lines_text(r.source) << "<span class=\"sr-only\">, source of "
                  << esc(r.label) << "</span></a>";
        else
            p.out << "see note";
        p.out << "</td></tr>\n";
    }
    p.out << "</tbody>\n</table>\n</div>\n";
    if (!notes.empty()) {
        p.out << "<h4>Notes on rows of this table</h4>\n<ol class=\"table-notes\">\n";
        for (size_t i = 0; i < notes.size(); ++i)
            p.out << "<li id=\"" << esc(t.id) << "-note-" << i + 1 << "\"><strong>" << esc(jup::vocab::flag_label(notes[i].second->kind)) << ":</strong> ("
                  << esc(notes[i].first->label) << ") " << prose(p, notes[i].second->note) << "</li>\n";
        p.out << "</ol>\n";
    }
    p.out << "<details><summary>Source quotes for each row of this table</summary>\n<ul class=\"items\">\n";
    for (auto& r : t.rows) {
        if (!r.source.present()) continue;
        p.out << "<li><p class=\"label\">" << esc(r.label) << "</p>\n";
        quoted(p, "", r.source);
        p.out << "</li>\n";
    }
    p.out << "</ul>\n</details>\n";
}

static void figure_item(Page& p, const jup::Figure& f, const std::string& id_prefix) {
    p.out << "<li id=\"" << id_prefix << esc(f.id) << "\"><p class=\"label\">" << prose(p, f.label) << ": "
          << (f.value ? esc(amount(*f.value, f.unit)) : std::string("not given"));
    if (f.value && f.value < 0 && (f.unit == "£" || f.unit == "£k" || f.unit == "£m")) p.out << " <span class=\"meta\">(a deficit or overspend)</span>";
    p.out << "</p>\n";
    if (f.source.present()) quoted(p, "", f.source);
    else p.out << "<p class=\"meta\">Not printed in the documents.</p>\n";
    if (!f.note.empty()) p.out << "<p class=\"note\"><strong>Editors' note:</strong> " << prose(p, f.note) << "</p>\n";
    flags(p, f.flags);
    if (!f.conflicts_with.empty()) {
        p.out << "<p>Disagrees with: ";
        for (size_t i = 0; i < f.conflicts_with.size(); ++i) {
            const std::string& o = f.conflicts_with[i];
            std::string label = o;
            for (auto& c : p.s.c.money.claims) if (c.id == o) label = c.label;
            for (auto& c : p.s.c.money.figures) if (c.id == o) label = c.label;
            auto a = p.s.anchor.find(o);
            p.out << (i ? "; " : "");
            if (a != p.s.anchor.end()) p.out << "<a href=\"" << esc(a->second) << "\">" << esc(label) << "</a>";
            else p.out << esc(label);
        }
        p.out << "</p>\n";
    }
    p.out << "</li>\n";
}

static std::string page_money(Site& s) {
    Page p(s, "");
    begin(p, "Money: the local pound", "money.html", true);
    const jup::Money& m = s.c.money;
    p.out << "<h1>Money: the local pound</h1>\n"
          << "<p class=\"lead\">"
          << prose(p, "City and Hackney's Integrated Commissioning Fund in 2020/21: what the CCG, the London Borough of "
                      "Hackney and the City of London Corporation budgeted and spent, pooled or aligned, as the source prints it.")
          << "</p>\n"
          << "<p>The tables reproduce the source's figures. In the budget tables, <strong>variance = budget \xE2\x88\x92 spend</strong>: a "
             "positive variance is an underspend and a negative one (in brackets in the source, with a minus sign here) is an "
             "overspend. Screen readers hear the word <q>overspend</q> or <q>underspend</q> after each variance. Where the source's "
             "own arithmetic does not add up, or two parts of it disagree, a labelled note says so.</p>\n";
    p.out << "<nav aria-label=\"Money on this page\">\n<h2 class=\"sr-only\">On this page</h2>\n<ul class=\"contents\">\n";
    for (auto& r : m.reports) p.out << "<li><a href=\"#" << esc(r.id) << "\">" << esc(r.title) << "</a></li>\n";
    if (!m.series.empty()) p.out << "<li><a href=\"#series\">Month by month</a></li>\n";
    if (!m.claims.empty()) p.out << "<li><a href=\"#claims\">Headline claims and where they disagree</a></li>\n";
    if (!m.figures.empty()) p.out << "<li><a href=\"#figures\">Other figures</a></li>\n";
    if (!m.funds.empty()) p.out << "<li><a href=\"#funds\">Funds</a></li>\n";
    if (!m.costs.empty()) p.out << "<li><a href=\"#costs\">Costs</a></li>\n";
    p.out << "</ul>\n</nav>\n";
    if (!m.organisations.empty()) {
        p.out << "<h2 id=\"organisations\">Organisations</h2>\n<ul class=\"items\">\n";
        for (auto& o : m.organisations) {
            p.out << "<li><p class=\"label\">" << prose(p, o.name) << "</p>\n";
            if (o.source.present()) quoted(p, "", o.source);
            p.out << "</li>\n";
        }
        p.out << "</ul>\n";
    }
    for (auto& r : m.reports) {
        p.out << "<h2 id=\"" << esc(r.id) << "\">" << esc(r.title) << "</h2>\n<dl class=\"facts\">\n";
        if (!r.fy.empty()) p.out << "<dt>Financial year</dt><dd>" << esc(r.fy) << "</dd>\n";
        if (r.month) p.out << "<dt>Month</dt><dd>" << r.month << " (figures to the end of month " << r.month << ")</dd>\n";
        if (!r.sign_convention.empty()) p.out << "<dt>Sign convention</dt><dd>" << esc(cap_first(r.sign_convention)) << "</dd>\n";
        p.out << "</dl>\n";
        if (r.source.present()) quoted(p, "", r.source);
        if (!r.note.empty()) p.out << "<p class=\"note\"><strong>Editors' note:</strong> " << prose(p, r.note) << "</p>\n";
        for (auto& t : r.tables) {
            bool budget = false;
            for (auto& col : t.columns) budget |= col.id.find("variance") != std::string::npos;
            money_table(p, t, budget ? r.sign_convention : "", true, budget ? "Budget line" : "Item");
        }
    }
    if (!m.series.empty()) {
        p.out << "<h2 id=\"series\">Month by month</h2>\n";
        for (auto& t : m.series) {
            std::string sign = t.sign_convention;
            if (!sign.empty() && sign.back() == '.') sign.pop_back();
            money_table(p, t, sign, false, "Month");
            auto chart = jup::present::series_chart(m, t);
            if (!chart.summary.empty()) p.out << "<p>" << prose(p, chart.summary) << "</p>\n";
        }
    }
    if (!m.claims.empty()) {
        p.out << "<h2 id=\"claims\">Headline claims and where they disagree</h2>\n"
              << "<p>Figures stated in the text of the reports. Some are stated differently in different places; each such claim "
                 "links to the one it disagrees with.</p>\n<ul class=\"items\">\n";
        for (auto& f : m.claims) figure_item(p, f, "claim-");
        p.out << "</ul>\n";
    }
    if (!m.figures.empty()) {
        p.out << "<h2 id=\"figures\">Other figures</h2>\n<p>Totals restated from the tables, and figures from the text of the "
                 "documents. A figure marked <q>Derived</q> is computed from others and not printed in the source.</p>\n<ul class=\"items\">\n";
        for (auto& f : m.figures) figure_item(p, f, "fig-");
        p.out << "</ul>\n";
    }
    if (!m.funds.empty()) {
        p.out << "<h2 id=\"funds\">Funds</h2>\n";
        for (auto& f : m.funds) {
            p.out << "<h3 id=\"" << esc(f.id) << "\">" << esc(f.title) << "</h3>\n";
            if (f.source.present()) quoted(p, "", f.source);
            flags(p, f.flags);
            p.out << "<ul class=\"items\">\n";
            auto part = [&](const char* what, const jup::Figure& g) {
                if (!g.value && !g.source.present()) return;
                p.out << "<li><p class=\"label\">" << what << ": " << (g.value ? esc(amount(*g.value, g.unit)) : "not given") << "</p>\n";
                if (g.source.present()) quoted(p, "", g.source);
                flags(p, g.flags);
                p.out << "</li>\n";
            };
            part("Total", f.total);
            part("Growth", f.growth);
            p.out << "</ul>\n";
            if (!f.parts.empty()) {
                std::string cap = "cap-" + f.id;
                p.out << "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"" << esc(cap) << "\" tabindex=\"0\">\n<table>\n<caption id=\"" << esc(cap)
                      << "\">How " << esc(f.title) << " is shared</caption>\n<thead><tr><th scope=\"col\">Part</th><th scope=\"col\" class=\"num\">Share</th>"
                      << "<th scope=\"col\">Source</th></tr></thead>\n<tbody>\n";
                for (auto& pt : f.parts) {
                    p.out << "<tr><th scope=\"row\">" << prose(p, pt.label);
                    for (auto& fl : pt.flags) p.out << " <span class=\"flag-tag\">" << esc(jup::vocab::flag_label(fl.kind)) << "</span>";
                    p.out << "</th><td class=\"num\">" << (pt.share ? esc(number(*pt.share * 100)) + "%" : "<span class=\"sr-only\">not given</span>") << "</td><td>"
                          << (pt.source.present() ? src_link(p, pt.source) : std::string("Not in the source: see the note below")) << "</td></tr>\n";
                }
                p.out << "</tbody>\n</table>\n</div>\n<ul class=\"items\">\n";
                for (auto& pt : f.parts) {
                    p.out << "<li><p class=\"label\">" << prose(p, pt.label) << (pt.share ? ": " + esc(number(*pt.share * 100)) + "%" : "") << "</p>\n";
                    if (pt.source.present()) quoted(p, "", pt.source);
                    flags(p, pt.flags);
                    p.out << "</li>\n";
                }
                p.out << "</ul>\n";
            }
        }
    }
    if (!m.costs.empty()) {
        p.out << "<h2 id=\"costs\">Costs</h2>\n";
        for (auto& ct : jup::present::cost_tables(m)) {
            money_table(p, *ct.table, "", false, "Cost item");
            if (ct.checks.empty()) continue;
            p.out << "<h3 id=\"" << esc(ct.table->id) << "-checks\">" << esc(ct.checks_title) << "</h3>\n<ul class=\"items\">\n";
            for (auto& k : ct.checks) {
                if (!k.complete) continue;
                p.out << "<li><p class=\"label\">" << prose(p, k.figure->label) << ": " << esc(k.working) << ".</p>\n<p>"
                      << (k.agrees ? "" : "<strong>Does not add up:</strong> ") << esc(k.verdict) << " <a href=\"#fig-" << esc(k.figure->id)
                      << "\">The figure, its source and notes</a>.</p>\n</li>\n";
            }
            p.out << "</ul>\n";
        }
    }
    end(p);
    return p.out.str();
}

// ---- places ------------------------------------------------------------------------------

static void place_item(Page& p, const jup::Place& pl) {
    p.out << "<li id=\"" << esc(pl.id) << "\"><p class=\"label\">" << prose(p, pl.name);
    std::string kind = pl.kind == "city" ? "the City of London" : pl.kind;
    p.out << " <span class=\"meta\">(" << esc(kind);
    if (pl.id.rfind("E09", 0) == 0) p.out << ", ONS code " << esc(pl.id);
    p.out << ")</span></p>\n";
    if (!pl.parent.empty()) {
        std::string href, name = place_name(p.s, pl.parent, &href, "");
        p.out << "<p class=\"meta\">In " << (href.empty() ? esc(name) : "<a href=\"" + esc(href) + "\">" + esc(name) + "</a>") << "</p>\n";
    }
    if (pl.source.present()) quoted(p, "", pl.source);
    flags(p, pl.flags);
    p.out << "</li>\n";
}

static std::string page_places(Site& s) {
    Page p(s, "");
    begin(p, "Places", "places.html");
    const Content& c = s.c;
    p.out << "<h1>Places</h1>\n<p class=\"lead\">"
          << prose(p, "London's 33 local authority areas in five integrated care systems (ICSs), and the "
                      "neighbourhoods, hospitals and sites the documents name.")
          << "</p>\n";
    for (auto& ics : c.icss) {
        p.out << "<section id=\"" << esc(ics.id) << "\" aria-labelledby=\"" << esc(ics.id) << "-h\">\n<h2 id=\"" << esc(ics.id) << "-h\">"
              << esc(ics.name) << " integrated care system</h2>\n";
        if (ics.source.present()) quoted(p, "", ics.source);
        p.out << "<ul class=\"items\">\n";
        for (auto& pl : c.places)
            if (pl.ics == ics.id && jup::is_local_authority(pl)) place_item(p, pl);
        p.out << "</ul>\n</section>\n";
    }
    bool other = false;
    for (auto& pl : c.places) other |= !jup::is_local_authority(pl) || pl.ics.empty();
    if (other) {
        p.out << "<h2>Other places</h2>\n<ul class=\"items\">\n";
        for (auto& pl : c.places)
            if (!jup::is_local_authority(pl) || pl.ics.empty()) place_item(p, pl);
        p.out << "</ul>\n";
    }
    end(p);
    return p.out.str();
}

// ---- glossary, timeline --------------------------------------------------------------------

static std::string page_glossary(Site& s) {
    Page p(s, "");
    begin(p, "Glossary", "glossary.html");
    std::vector<const jup::Term*> ts;
    for (auto& t : s.c.terms) ts.push_back(&t);
    std::stable_sort(ts.begin(), ts.end(), [](auto* a, auto* b) { return str_lower(a->term) < str_lower(b->term); });
    p.out << "<h1>Glossary</h1>\n<p class=\"lead\">" << ts.size()
          << " acronyms and terms used in the documents, in alphabetical order. Each definition quotes its source, or says "
             "that it comes from outside the documents.</p>\n";

    p.out << "<dl class=\"glossary\">\n";
    for (auto* t : ts) {
        p.out << "<dt id=\"" << esc(t->id) << "\">" << esc(t->term);
        if (!t->expansion.empty() && t->expansion != t->term) p.out << ": " << esc(t->expansion);
        p.out << "</dt>\n<dd>\n";
        bool def_is_quote = t->source.present() && same_words(t->definition, t->source.quote);
        if (!t->definition.empty() && !def_is_quote) p.out << "<p>" << prose(p, t->definition) << "</p>\n";
        if (!t->aliases.empty()) {
            p.out << "<p class=\"meta\">Also written: ";
            for (size_t i = 0; i < t->aliases.size(); ++i) p.out << (i ? ", " : "") << esc(t->aliases[i]);
            p.out << "</p>\n";
        }
        if (t->source.present()) {
            if (!t->source.quote.empty()) p.out << "<blockquote><p>" << prose(p, t->source.quote) << "</p></blockquote>\n";
            p.out << "<p class=\"cite\">" << src_link(p, t->source) << "</p>\n";
        }
        flags(p, t->flags);
        p.out << "</dd>\n";
    }
    p.out << "</dl>\n";
    end(p);
    return p.out.str();
}

static std::string page_timeline(Site& s) {
    Page p(s, "");
    begin(p, "Timeline", "timeline.html");
    std::vector<const jup::Event*> es;
    for (auto& e : s.c.events) es.push_back(&e);
    std::stable_sort(es.begin(), es.end(), [](auto* a, auto* b) { return a->date < b->date; });
    p.out << "<h1>Timeline</h1>\n<p class=\"lead\">" << es.size() << " dated events from the documents, oldest first, grouped by year.</p>\n";
    std::string year;
    for (auto* e : es) {
        std::string y = e->date.substr(0, 4);
        if (y != year) {
            if (!year.empty()) p.out << "</ol>\n";
            p.out << "<h2 id=\"y" << esc(y) << "\">" << esc(y) << "</h2>\n<ol class=\"timeline items\">\n";
            year = y;
        }
        p.out << "<li id=\"" << esc(e->id) << "\"><p class=\"label\">";
        if (valid_datetime(e->date)) p.out << "<time datetime=\"" << esc(e->date) << "\">" << esc(human_date(e->date)) << "</time>";
        else p.out << "<strong>" << esc(e->date) << "</strong>";
        if (e->date_basis == "inferred") p.out << " <span class=\"meta\">(date inferred)</span>";
        p.out << ": " << prose(p, e->label) << "</p>\n";
        if (!e->places.empty()) {
            p.out << "<p class=\"meta\">Where: ";
            for (size_t i = 0; i < e->places.size(); ++i) {
                std::string href, name = place_name(s, e->places[i], &href, "");
                p.out << (i ? ", " : "") << (href.empty() ? esc(name) : "<a href=\"" + esc(href) + "\">" + esc(name) + "</a>");
            }
            p.out << "</p>\n";
        }
        if (e->source.present()) quoted(p, "", e->source);
        else p.out << "<p class=\"meta\">Not from the documents: see the note.</p>\n";
        flags(p, e->flags);
        p.out << "</li>\n";
    }
    if (!year.empty()) p.out << "</ol>\n";
    end(p);
    return p.out.str();
}

// ---- sources ------------------------------------------------------------------------------

static std::string page_sources(Site& s) {
    Page p(s, "");
    begin(p, "Source documents", "sources.html", true);
    p.out << "<h1>Source documents</h1>\n<p class=\"lead\">The " << s.c.documents.size()
          << " documents Joined-Up is made from, in full, with numbered lines. Every source link in this edition opens one of "
             "these lines.</p>\n<p>The text is as converted from the originals, including conversion damage and formatting marks "
             "such as asterisks; nothing is corrected.</p>\n";
    p.out << "<nav aria-label=\"Documents on this page\">\n<ul>\n";
    for (auto& d : s.c.documents)
        p.out << "<li><a href=\"#doc-" << esc(d.id) << "\">Document " << esc(d.id) << ": " << esc(d.title) << "</a></li>\n";
    p.out << "</ul>\n</nav>\n";
    for (auto& d : s.c.documents) {
        p.out << "<section id=\"doc-" << esc(d.id) << "\" aria-labelledby=\"doc-" << esc(d.id) << "-h\">\n<h2 id=\"doc-" << esc(d.id) << "-h\">Document "
              << esc(d.id) << ": " << esc(d.title) << "</h2>\n<dl class=\"facts\">\n";
        if (auto* k = jup::vocab::kind(d.kind)) p.out << "<dt>Kind</dt><dd>" << esc(k->label) << "</dd>\n";
        if (!d.date.empty()) {
            p.out << "<dt>Date</dt><dd>";
            if (valid_datetime(d.date)) p.out << "<time datetime=\"" << esc(d.date) << "\">" << esc(human_date(d.date)) << "</time>";
            else p.out << esc(d.date);
            if (d.date_basis == "inferred") p.out << " (inferred)";
            p.out << "</dd>\n";
        }
        if (!d.producer.empty()) p.out << "<dt>Produced by</dt><dd>" << prose(p, d.producer) << "</dd>\n";
        p.out << "<dt>Length</dt><dd>" << d.lines.size() << " lines</dd>\n</dl>\n";
        if (!d.summary.empty()) p.out << "<h3>Summary by the editors</h3>\n<p>" << prose(p, d.summary) << "</p>\n";
        if (d.source.present()) {
            p.out << "<p>Where the title comes from:</p>\n";
            quoted(p, "", d.source);
        }
        flags(p, d.flags);
        p.out << "<h3 id=\"doc-" << esc(d.id) << "-text\">Full text of document " << esc(d.id) << "</h3>\n<div class=\"doc-text\">\n";
        for (size_t i = 0; i < d.lines.size(); ++i) {
            std::string id = "d" + d.id + "-L" + std::to_string(i + 1);
            std::string line = d.lines[i];
            if (!line.empty() && line.back() == '\r') line.pop_back();
            bool blank = jup::collapse_ws(line).empty() || line.find_first_not_of(" \t") == std::string::npos;
            if (blank) {
                p.out << "<div class=\"line blank\" id=\"" << esc(id) << "\"></div>\n";
            } else {
                p.out << "<div class=\"line\" id=\"" << esc(id) << "\"><span class=\"ln\"><span class=\"sr-only\">Line </span>" << i + 1
                      << "</span><span class=\"lt\">" << prose(p, line) << "</span></div>\n";
            }
        }
        p.out << "</div>\n</section>\n";
    }
    end(p);
    return p.out.str();
}

// ---- about ------------------------------------------------------------------------------

static std::string page_about(Site& s) {
    Page p(s, "");
    begin(p, "About and licences", "about.html");
    p.out << "<h1>About this edition, licences and attribution</h1>\n"
          << "<p class=\"lead\">The text edition of Joined-Up is for anyone who cannot use, or would rather not use, the interactive "
             "canvas: screen reader and keyboard users, people using magnifiers or high contrast, and anyone who wants to print.</p>\n"
          << "<h2>How it is made</h2>\n"
          << "<p>These pages are generated from the same content pack as the <a href=\"../index.html\">Interactive version</a>, by "
             "the <code>joinedup-text</code> tool. The content is extracted from the five source documents; every item carries its "
             "document, line range and verbatim quote, checked against the documents by the content validator before any page is "
             "written. The pages make no requests to other sites. Only the board pages use JavaScript, to take your answers "
             "with the same core as the interactive version; without it they read as plain pages.</p>\n"
          << "<h2>Editors' notes</h2>\n<p>Items that are not simply quoted from a document carry a labelled note:</p>\n<dl class=\"facts\">\n";
    for (auto& k : jup::vocab::flag_kinds()) p.out << "<dt>" << esc(k.label) << "</dt><dd>" << k.meaning << "</dd>\n";
    p.out << "</dl>\n"
          << "<h2>Licences and attribution</h2>\n";
    for (auto& cr : jup::present::credits(s.geo)) {
        p.out << "<h3>" << esc(cr.what) << "</h3>\n<p>" << prose(p, cr.text) << " Licence: ";
        if (cr.licence_url.empty()) p.out << esc(cr.licence);
        else p.out << "<a href=\"" << esc(cr.licence_url) << "\">" << esc(cr.licence) << "</a>";
        p.out << ".</p>\n";
        if (!cr.notices.empty()) {
            p.out << "<ul>\n";
            for (auto& n : cr.notices) p.out << "<li>" << esc(n) << "</li>\n";
            p.out << "</ul>\n";
        }
    }
    p.out << "<p>This edition asks for the Inter typeface if it is installed on your device and otherwise uses your system's "
             "font; no font is downloaded.</p>\n"
          << "<h3>Source documents</h3>\n"
          << "<p>The five documents are public papers of London's health and care partnerships; they are quoted here so that "
             "each statement can be checked against its source. See <a href=\"sources.html\">the source documents</a> for their "
             "titles, producers and dates.</p>\n"
          << "<h2>Accessibility</h2>\n"
          << "<ul>\n<li>Every page has one main heading, a <q>Skip to content</q> link first, and the same navigation.</li>\n"
          << "<li>Text is at least 18 pixels with 1.5 line spacing and can be enlarged to 400% without losing content; colours "
             "meet WCAG AA contrast, and nothing is shown by colour alone.</li>\n"
          << "<li>Tables have captions, column and row headers; negative money figures are announced as overspends.</li>\n"
          << "<li>Printing leaves out the navigation, starts each main section on a new page and prints black on white.</li>\n</ul>\n";
    end(p);
    return p.out.str();
}

int main(int argc, char** argv) {
    if (argc != 3 || std::string(argv[1]) == "--help") {
        std::fprintf(stderr, "usage: joinedup-text <content-dir> <out-dir>\n");
        return 2;
    }
    std::string in = argv[1];
    fs::path out = argv[2];
    jup::DirReader reader(in);
    jup::LoadResult r = jup::load_content(reader);
    if (!r.ok()) {
        for (auto& i : r.issues)
            if (!i.warning) std::fprintf(stderr, "%s\n", i.str().c_str());
        std::fprintf(stderr, "joinedup-text: %s has %d errors; nothing written\n", in.c_str(), r.errors());
        return 1;
    }
    const Content& c = r.content;
    Site s(c);
    jup::geo::Geo geo;
    std::string geo_text, geo_error;
    if (reader.read("geo/london.json", geo_text) && jup::geo::load_geo(geo_text, geo, geo_error)) s.geo = &geo;
    else std::fprintf(stderr, "joinedup-text: no boundaries (geo/london.json%s%s); About leaves out their credit\n",
                      geo_error.empty() ? "" : ": ", geo_error.c_str());
    for (auto& d : c.documents) s.doc_short[d.id] = jup::present::short_title(d.title);
    s.forms = jup::glossary_forms(c);
    for (auto& f : c.money.claims) s.anchor[f.id] = "#claim-" + f.id;
    for (auto& f : c.money.figures) s.anchor[f.id] = "#fig-" + f.id;
    for (auto& rep : c.money.reports)
        for (auto& t : rep.tables)
            for (auto& row : t.rows) s.anchor[row.id] = "#row-" + row.id;
    for (auto& t : c.money.series)
        for (auto& row : t.rows) s.anchor[row.id] = "#row-" + row.id;
    for (auto& t : c.money.costs)
        for (auto& row : t.rows) s.anchor[row.id] = "#row-" + row.id;

    bool ok = true;
    int pages = 0;
    auto put = [&](const std::string& name, const std::string& html) {
        ok = write_file(out / name, html) && ok;
        ++pages;
    };
    ok = write_file(out / "text.css", kCss) && ok;
    put("index.html", page_index(s));
    put("boards.html", page_boards(s));
    auto bs = sorted_boards(c);
    for (size_t i = 0; i < bs.size(); ++i)
        put("boards/" + bs[i]->id + ".html", page_board(s, *bs[i], i ? bs[i - 1] : nullptr, i + 1 < bs.size() ? bs[i + 1] : nullptr));
    put("case-studies.html", page_case_studies(s));
    put("money.html", page_money(s));
    put("places.html", page_places(s));
    put("glossary.html", page_glossary(s));
    put("timeline.html", page_timeline(s));
    put("sources.html", page_sources(s));
    put("about.html", page_about(s));
    if (!ok) return 1;
    std::printf("joinedup-text: %d pages and text.css written to %s\n", pages, out.string().c_str());
    return 0;
}
