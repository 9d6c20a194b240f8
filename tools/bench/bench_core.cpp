// bench_core: times the C++ core natively, at the bundled size and at 100 times that size.
//   bench_core <data-dir> <pack-100x-dir> [--json out.json]
// <pack-100x-dir> is a complete pack from tools/synth-pack with 100x the bundled money rows.
// Prints one line per measurement; with --json writes them as
// [{"name", "scale", "n", "ms_median", "ms_min", "reps", "note"}]. No assertions: figures only.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/answers.hpp"
#include "core/terms.hpp"
#include "core/content.hpp"
#include "core/search.hpp"
#include "core/geo.hpp"
#include "core/map_layout.hpp"
#include "core/treemap.hpp"

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// Reads through to a folder once and keeps every file, so loads can be timed without disk I/O.
struct CachingReader : jup::FileReader {
    jup::DirReader dir;
    mutable jup::MemReader mem;
    explicit CachingReader(std::string d) : dir(std::move(d)) {}
    bool read(const std::string& p, std::string& out) const override {
        auto it = mem.files.find(p);
        if (it != mem.files.end()) { out = it->second; return true; }
        if (!dir.read(p, out)) return false;
        mem.files[p] = out;
        return true;
    }
};

json results = json::array();
volatile size_t sink = 0;

// Runs fn until at least min_ms have passed and at least 3 times (at most 1000); median and min.
void measure(const std::string& name, const std::string& scale, long n, const std::string& note,
             const std::function<size_t()>& fn, double min_ms = 300, size_t min_reps = 3) {
    std::vector<double> t;
    double total = 0;
    while ((total < min_ms || t.size() < min_reps) && t.size() < 1000) {
        auto a = Clock::now();
        sink += fn();
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - a).count();
        t.push_back(ms);
        total += ms;
    }
    std::sort(t.begin(), t.end());
    double med = t[t.size() / 2];
    std::printf("%-34s %-7s n=%-8ld median %10.3f ms   min %10.3f ms   (%zu reps)  %s\n", name.c_str(), scale.c_str(), n, med,
                t.front(), t.size(), note.c_str());
    std::fflush(stdout);
    results.push_back({{"name", name}, {"scale", scale}, {"n", n}, {"ms_median", med}, {"ms_min", t.front()},
                       {"reps", t.size()}, {"note", note}});
}

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

std::vector<std::string> all_texts(const jup::Content& c) {
    std::vector<std::string> out;
    auto add = [&](const jup::Item& i) { if (!i.text.empty()) out.push_back(i.text); };
    for (auto& b : c.boards) {
        add(b.question);
        for (auto& g : b.barrier_groups) for (auto& i : g.barriers) add(i);
        for (auto* v : {&b.enablers, &b.tradeoffs, &b.commitments, &b.quotes, &b.options, &b.evidence})
            for (auto& i : *v) add(i);
    }
    for (auto& cs : c.case_studies) {
        add(cs.summary);
        for (auto& i : cs.what_was_done) add(i);
        for (auto& i : cs.lessons) add(i);
    }
    return out;
}

std::vector<jup::TallyInput> export_files(const jup::Content& c, int n) {
    std::vector<std::string> barriers, enablers, commitments;
    for (auto& b : c.boards) {
        for (auto& g : b.barrier_groups) for (auto& i : g.barriers) barriers.push_back(i.id);
        for (auto& i : b.enablers) enablers.push_back(i.id);
        for (auto& i : b.commitments) commitments.push_back(i.id);
    }
    std::mt19937 rng(7);
    std::vector<jup::TallyInput> files;
    for (int k = 0; k < n; ++k) {
        jup::ExportFile f;
        char id[32];
        std::snprintf(id, sizeof id, "p-%016x", k + 1);
        f.participant = id;
        f.revision = 1 + k % 9;
        f.exported_at = "2024-05-01T10:00:00Z";
        for (auto& b : barriers) if (rng() % 2) f.answers.ratings[b] = int(rng() % 4);
        for (auto& e : enablers) if (rng() % 3 == 0) f.answers.enablers.insert(e);
        for (auto& e : commitments) if (rng() % 4 == 0) f.answers.commitments.insert(e);
        if (k % 5 == 0) f.answers.notes["pounds"] = "A note from participant " + std::to_string(k) + " about pooling budgets.";
        files.push_back({std::string(id) + ".json", jup::export_to_json(f).dump()});
    }
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_core <data-dir> <pack-100x-dir> [--json out.json]\n");
        return 2;
    }
    const std::string data = argv[1], big = argv[2];
    std::string json_out;
    for (int i = 3; i + 1 < argc; ++i) if (std::string(argv[i]) == "--json") json_out = argv[i + 1];

    // ---- content load and validation ----------------------------------------------------
    CachingReader r1(data), r100(big);
    jup::LoadResult base = jup::load_content(r1), large = jup::load_content(r100);
    auto rows = [](const jup::Content& c) {
        long n = 0;
        for (auto& r : c.money.reports) for (auto& t : r.tables) n += (long)t.rows.size();
        for (auto* v : {&c.money.series, &c.money.costs}) for (auto& t : *v) n += (long)t.rows.size();
        return n;
    };
    auto bytes = [](const CachingReader& r) { long n = 0; for (auto& f : r.mem.files) n += (long)f.second.size(); return n; };
    std::printf("bundled pack: %ld bytes, %ld money rows, %d errors; 100x pack: %ld bytes, %ld money rows, %d errors\n",
                bytes(r1), rows(base.content), base.errors(), bytes(r100), rows(large.content), large.errors());
    measure("content load + validation", "1x", rows(base.content), std::to_string(bytes(r1)) + " bytes, files in memory",
            [&] { return jup::load_content(r1).issues.size(); });
    measure("content load + validation", "100x", rows(large.content),
            std::to_string(bytes(r100)) + " bytes (synth-pack: 100x money rows), files in memory",
            [&] { return jup::load_content(r100).issues.size(); }, 1000, 3);

    // ---- treemap layout -------------------------------------------------------------------
    const long tm1 = std::max<long>(rows(base.content), 1);
    std::mt19937 rng(3);
    std::lognormal_distribution<double> money(10, 1.5);
    for (long n : {tm1, tm1 * 100}) {
        std::vector<double> v(n);
        for (double& x : v) x = money(rng);
        std::sort(v.rbegin(), v.rend());
        measure("treemap layout (squarify)", n == tm1 ? "1x" : "100x", n, "values = money rows",
                [&] { return jup::squarify(v, {0, 0, 1200, 700}).size(); });
    }

    // ---- geometry: triangulation and hit testing -----------------------------------------
    jup::geo::Geo g;
    std::string error;
    if (!jup::geo::load_geo(slurp(data + "/geo/london.json"), g, error)) {
        std::fprintf(stderr, "london.json: %s\n", error.c_str());
        return 1;
    }
    std::vector<jup::geo::Area> layer = jup::map::synthetic_layer(int(g.areas.size() * 100), g.bbox);
    for (auto& a : layer) a.bbox = jup::geo::bbox_of(a);
    auto verts = [](const std::vector<jup::geo::Area>& as) { return (long)jup::geo::vertex_count(as); };
    measure("triangulation", "1x", (long)g.areas.size(), std::to_string(verts(g.areas)) + " vertices, the 33 London areas", [&] {
        size_t n = 0;
        for (auto& a : g.areas) for (auto& p : a.polygons) n += jup::geo::triangulate(p.rings).size();
        return n;
    });
    measure("triangulation", "100x", (long)layer.size(), std::to_string(verts(layer)) + " vertices, synthetic layer", [&] {
        size_t n = 0;
        for (auto& a : layer) for (auto& p : a.polygons) n += jup::geo::triangulate(p.rings).size();
        return n;
    });
    std::uniform_real_distribution<double> ux(g.bbox.min_x, g.bbox.max_x), uy(g.bbox.min_y, g.bbox.max_y);
    std::vector<jup::geo::Vec2> pts(1000);
    for (auto& p : pts) p = {ux(rng), uy(rng)};
    measure("hit testing (1,000 points)", "1x", (long)g.areas.size(), "areas searched per point", [&] {
        size_t n = 0;
        for (auto p : pts) n += jup::geo::hit_test(g.areas, p) >= 0;
        return n;
    });
    measure("hit testing (1,000 points)", "100x", (long)layer.size(), "areas searched per point", [&] {
        size_t n = 0;
        for (auto p : pts) n += jup::geo::hit_test(layer, p) >= 0;
        return n;
    });

    // ---- search: glossary terms found in every board and case-study text ------------------
    const std::vector<std::string> texts = all_texts(base.content);
    jup::Content many = base.content;
    const std::vector<jup::Term> terms = many.terms;
    for (int k = 1; k < 100; ++k)
        for (jup::Term t : terms) {
            t.id += "-" + std::to_string(k);
            t.term += " " + std::to_string(k);
            many.terms.push_back(t);
        }
    measure("search (glossary terms in texts)", "1x", (long)base.content.terms.size(),
            std::to_string(texts.size()) + " texts x terms (terms_in)", [&] {
                size_t n = 0;
                for (auto& t : texts) n += jup::terms_in(base.content, t).size();
                return n;
            });
    measure("search (glossary terms in texts)", "100x", (long)many.terms.size(),
            std::to_string(texts.size()) + " texts x 100x terms (terms_in)", [&] {
                size_t n = 0;
                for (auto& t : texts) n += jup::terms_in(many, t).size();
                return n;
            }, 1, 1);

    // ---- search: the app's search box (core/search.cpp) ------------------------------------
    // 100x: every document's lines, case studies and glossary terms repeated 100 times.
    jup::Content big_text = base.content;
    for (auto& d : big_text.documents) {
        const auto lines = d.lines;
        for (int k = 1; k < 100; ++k) d.lines.insert(d.lines.end(), lines.begin(), lines.end());
    }
    const auto cases = big_text.case_studies;
    for (int k = 1; k < 100; ++k) big_text.case_studies.insert(big_text.case_studies.end(), cases.begin(), cases.end());
    big_text.terms = many.terms;
    const char* queries[] = {"pooled budget", "Camden", "why can't we", "health", "zzqx"};
    auto lines_of = [](const jup::Content& c) { size_t n = 0; for (auto& d : c.documents) n += d.lines.size(); return (long)n; };
    const jup::SearchIndex ix1 = jup::build_search_index(base.content), ix100 = jup::build_search_index(big_text);
    measure("search index build", "1x", (long)ix1.entries.size(), "entries (once, when the content loads)", [&] {
        return jup::build_search_index(base.content).entries.size();
    });
    measure("search index build", "100x", (long)ix100.entries.size(), "entries", [&] {
        return jup::build_search_index(big_text).entries.size();
    }, 1, 1);
    measure("search box (5 queries)", "1x", lines_of(base.content), "source lines, plus boards, case studies, places, glossary", [&] {
        size_t n = 0;
        for (const char* q : queries) n += jup::search(ix1, q).size();
        return n;
    });
    measure("search box (5 queries)", "100x", lines_of(big_text), "100x lines, case studies and terms", [&] {
        size_t n = 0;
        for (const char* q : queries) n += jup::search(ix100, q).size();
        return n;
    }, 1, 1);

    // ---- tally of participant export files ------------------------------------------------
    for (int n : {1000, 100000}) {
        const auto files = export_files(base.content, n);
        long b = 0;
        for (auto& f : files) b += (long)f.text.size();
        measure("tally of export files", n == 1000 ? "1x" : "100x", n, std::to_string(b) + " bytes of JSON",
                [&] { return (size_t)jup::tally(files).counted; }, n == 1000 ? 300 : 1, n == 1000 ? 3 : 1);
    }

    if (!json_out.empty()) {
        std::ofstream f(json_out);
        f << results.dump(1) << "\n";
    }
    return (int)(sink & 0);
}
