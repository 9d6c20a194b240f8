#include "core/vocab.hpp"

namespace jup::vocab {

static const Entry* find(const std::vector<Entry>& v, const std::string& id) {
    for (auto& e : v)
        if (id == e.id) return &e;
    return nullptr;
}

const std::vector<Entry>& flag_kinds() {
    static const std::vector<Entry> v = {
        {"derived", "Derived", "computed from figures in the source, not printed there", false},
        {"inferred", "Inferred", "a reading of the source that it does not state outright, such as a date, a label or a grouping", false},
        {"contradicted", "Contradicted", "the source states a different value elsewhere", true},
        {"source-error", "Error in source", "the source's own arithmetic or wording is wrong; the value is kept as printed", true},
        {"does-not-reconcile", "Does not add up", "a total in the source does not equal the sum of its parts", true},
        {"garbled", "Damaged in source", "the text was damaged in conversion; the item is reconstructed as noted", true},
        {"outside-knowledge", "Outside knowledge", "not in any document; a public fact supplied by the editors", false},
        {"not-named", "Not named", "the source counts it but does not name it", false},
    };
    return v;
}
const Entry* flag_kind(const std::string& id) { return find(flag_kinds(), id); }
const char* flag_label(const std::string& id) {
    const Entry* e = flag_kind(id);
    return e ? e->label : "Note";
}
bool flag_warns(const std::string& id) {
    const Entry* e = flag_kind(id);
    return e && e->warning;
}

const std::vector<Entry>& fund_types() {
    static const std::vector<Entry> v = {
        {"pooled", "Pooled", "Pooled: put into one shared budget that the NHS and council partners decide on together (a \"Section 75\" agreement).", false},
        {"aligned", "Aligned", "Aligned: each organisation keeps and decides its own budget, but plans and reports it alongside the others.", false},
        {"in-collaboration", "In collaboration", "In collaboration: GP (primary care) services the CCG commissions jointly with NHS England.", false},
        {"capital", "Capital", "Capital: money for buildings and equipment, here the Disabled Facilities Grant for home adaptations, which Hackney pools.", false},
        {"not-stated", "Fund type not stated", "The source does not say whether this money is pooled or aligned.", false},
    };
    return v;
}
const Entry* fund_type(const std::string& id) { return find(fund_types(), id); }
const char* fund_label(const std::string& id) {
    const Entry* e = fund_type(id);
    return e ? e->label : "Fund type not stated";
}
const char* fund_meaning(const std::string& id) {
    const Entry* e = find(fund_types(), id);
    return e ? e->meaning : find(fund_types(), "not-stated")->meaning;
}

const std::vector<Entry>& case_kinds() {
    static const std::vector<Entry> v = {
        {"case-study", "Case study (2021 report)", "a case study from the 2021 report", false},
        {"example-2018", "Example from 2018", "an example from 2018", false},
        {"programme", "City & Hackney programme", "a programme of the City & Hackney partnership", false},
        {"case", "An individual's story", "one person's story", false},
    };
    return v;
}
const std::vector<Entry>& document_kinds() {
    static const std::vector<Entry> v = {
        {"report", "Report", "a published report", false},
        {"board-paper", "Board paper", "a paper to a board meeting", false},
        {"briefing", "Briefing", "a short briefing", false},
        {"meeting-pack", "Meeting pack", "the papers for a meeting", false},
        {"update", "Update", "a progress update", false},
    };
    return v;
}
const char* kind_label(const std::string& id) {
    const Entry* e = kind(id);
    return e ? e->label : "";
}
bool is_case_kind(const std::string& id) { return find(case_kinds(), id) != nullptr; }
const Entry* kind(const std::string& id) {
    const Entry* e = find(case_kinds(), id);
    return e ? e : find(document_kinds(), id);
}

}  // namespace jup::vocab
