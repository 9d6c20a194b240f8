// libFuzzer target: the content pack as a whole folder. Where fuzz_content replaces one file of
// tests/fixtures/good-minimal, this one replaces, adds and removes several at once, so a
// mutation can make files disagree with each other (a board naming a case study another file
// dropped, documents.json pointing at a seed file that is missing, empty or added).
//
// Input: chunks separated by NUL bytes. Each chunk is "<path>\n<bytes>": <bytes> become the
// file at <path> (replacing the good-minimal file, or adding a new one, e.g. seeds/001.txt).
// A <path> of a single digit 0-9 stands for kFiles[digit]. "-<path>" (rest of the chunk
// ignored) removes that file. A chunk without a newline is ignored. At most 32 chunks.
//
// load_content must never crash, throw or trip a sanitizer; every issue must render. When the
// pack loads without errors, the code the app runs on a freshly loaded pack (search index,
// local pound for every scope, map counts) must not crash on it either.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/content.hpp"
#include "good_minimal.hpp"
#include "core/map_layout.hpp"
#include "core/map_state.hpp"
#include "core/money.hpp"
#include "core/search.hpp"

namespace {

const char* kFiles[] = {"documents.json", "boards.json",   "case-studies.json", "places.json",   "money.json",
                        "glossary.json",  "timeline.json", "seeds/000.txt",     "seeds/001.txt", "seeds/002.txt"};
constexpr size_t kMaxChunks = 32;

const jup::MemReader& base_pack() { return good_minimal(kFiles); }

std::string resolve(const std::string& path) {
    if (path.size() == 1 && path[0] >= '0' && path[0] <= '9') return kFiles[path[0] - '0'];
    return path;
}

void use_loaded_pack(const jup::Content& c) {
    jup::SearchIndex ix = jup::build_search_index(c);
    (void)jup::search(ix, "pool budget", 10);
    (void)jup::search(ix, "\xe2\x80\x99 \"", 10);
    for (const jup::PoundScope& scope : jup::pound_scopes(c.money)) {
        jup::PoundModel m = jup::build_pound(c.money, scope.id);
        (void)m.failed_checks();
        jup::PoundNode root = jup::build_tree(c.money, m);
        for (jup::Level l : {jup::Level::Org, jup::Level::FundType, jup::Level::Workstream, jup::Level::Line})
            (void)jup::aggregate(c.money, m, l);
        (void)jup::whatif_totals(m, {});
        if (!root.children.empty()) (void)jup::find_node(root, {root.children.front().key});
    }
    (void)jup::map::placements(c);
    jup::MapState all;
    (void)jup::map::count(c, all);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    jup::MemReader pack = base_pack();
    const char* p = reinterpret_cast<const char*>(data);
    const char* end = p + size;
    size_t chunks = 0;
    while (p < end && chunks < kMaxChunks) {
        const char* stop = p;
        while (stop < end && *stop != '\0') ++stop;
        const std::string chunk(p, stop);
        p = stop < end ? stop + 1 : end;
        ++chunks;
        const size_t nl = chunk.find('\n');
        if (!chunk.empty() && chunk[0] == '-') {
            pack.files.erase(resolve(chunk.substr(1, nl == std::string::npos ? std::string::npos : nl - 1)));
            continue;
        }
        if (nl == std::string::npos) continue;
        pack.files[resolve(chunk.substr(0, nl))] = chunk.substr(nl + 1);
    }
    jup::LoadResult r = jup::load_content(pack);
    size_t n = 0;
    for (const jup::Issue& i : r.issues) n += i.str().size();
    (void)n;
    if (r.ok()) use_loaded_pack(r.content);
    return 0;
}
