#include "core/present/case_card.hpp"

#include <algorithm>
#include <map>

#include "core/format.hpp"
#include "core/vocab.hpp"

namespace jup::present {

std::string case_heading(const CaseStudy& cs) { return cs.ref.empty() ? cs.title : cs.ref + ": " + cs.title; }

std::string case_studies_intro() {
    return "Examples of joined-up work in London from the documents: the report's Appendix A case studies, examples from 2018, "
           "programmes and one person's story.";
}

PlaceName place_name(const Content& c, const std::string& id) {
    for (auto& i : c.icss)
        if (i.id == id) return {id, i.name + " (integrated care system)", true};
    if (const Place* p = c.place(id)) return {id, p->name, true};
    return {id, id, false};
}

static std::string joined(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (auto& x : v) s += (s.empty() ? "" : sep) + x;
    return s;
}

// Figures in a unit that two or more share get bars on a common scale; % is out of 100.
static std::vector<FigureLine> figures(const CaseStudy& cs) {
    std::map<std::string, double> unit_max;
    std::map<std::string, int> unit_n;
    for (auto& m : cs.metrics)
        if (m.value) {
            unit_max[m.unit] = std::max({unit_max[m.unit], *m.value, m.baseline.value_or(0)});
            ++unit_n[m.unit];
        }
    std::vector<FigureLine> out;
    for (auto& m : cs.metrics) {
        FigureLine f;
        f.metric = &m;
        f.line = m.label + (m.date.empty() ? "" : " (" + m.date + ")") + (m.cited_source.empty() ? "" : ", source cited: " + m.cited_source);
        if (m.value) f.value = fmt::amount(*m.value, m.unit);
        if (m.baseline) f.baseline = fmt::amount(*m.baseline, m.unit);
        if (!m.value) {
            f.missing = "No figure given in the source.";
        } else {
            double mx = m.unit == "%" ? 100 : unit_max[m.unit];
            bool chart = m.unit == "%" || m.baseline || unit_n[m.unit] >= 2;
            if (chart && mx > 0) {
                if (m.baseline) f.bars.push_back({*m.baseline, mx, true, "before: " + fmt::compact(*m.baseline, m.unit)});
                f.bars.push_back({*m.value, mx, false, (m.baseline ? "after: " : "") + fmt::compact(*m.value, m.unit)});
            } else {
                f.compact = fmt::compact(*m.value, m.unit);
            }
        }
        out.push_back(std::move(f));
    }
    return out;
}

CaseCard case_card(const Content& c, const CaseStudy& cs) {
    CaseCard k;
    k.cs = &cs;
    k.heading = case_heading(cs);
    k.kind = vocab::kind_label(cs.kind);
    k.meta = k.kind + ", " + std::to_string(cs.year) + " (document " + cs.doc + ")";
    if (!cs.scale.empty()) {
        k.scale = cs.scale == "ics" ? "integrated care system" : cs.scale;
        k.scale[0] = (char)std::toupper((unsigned char)k.scale[0]);
    }
    if (const Document* d = c.document(cs.doc)) k.doc_title = d->title;
    std::vector<std::string> names, ps;
    for (auto& p : cs.places) {
        k.places.push_back(place_name(c, p));
        names.push_back(k.places.back().name);
    }
    if (!names.empty()) k.places_line = "Places: " + joined(names, ", ");
    if (!cs.partners.empty()) k.partners_line = "Partners: " + joined(cs.partners, "; ");
    for (auto& t : cs.themes) {
        const Board* b = c.board(t.board);
        ThemeLine l;
        l.theme = &t;
        l.p = b ? b->p : t.board;
        l.title = b ? b->title : t.board;
        l.basis = t.basis == "editorial" ? "the editors' reading" : t.basis == "text" ? "the source ties it to this P" : "";
        l.open = make_action("open_board", {{"board", t.board}});
        if (b) ps.push_back(b->p);
        k.themes.push_back(std::move(l));
    }
    if (!ps.empty()) k.themes_line = "Themes (the Ps): " + joined(ps, ", ");
    k.figures = figures(cs);
    for (auto& m : cs.metrics) {
        k.any_baseline |= m.baseline.has_value();
        k.any_date |= !m.date.empty();
        k.any_cited |= !m.cited_source.empty();
    }
    for (auto& b : cs.boards)
        if (const Board* bd = c.board(b)) k.boards.push_back({b, bd->title, make_action("open_board", {{"board", b}})});
    if (cs.source.present()) {
        const Document* d = c.document(cs.source.doc);
        k.source_title = d ? d->title : cs.source.doc;
        k.read_source = make_action("show_source", {{"doc", cs.source.doc}, {"line", cs.source.from}});
    }
    k.close = make_action("select_case_study", {{"case_study", ""}});
    return k;
}

}  // namespace jup::present
