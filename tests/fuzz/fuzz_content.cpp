// libFuzzer target: the content-pack loader and validator (core/content.cpp load_content).
// The pack is tests/fixtures/good-minimal held in memory; the input replaces one of its files.
// Input layout: byte 0 chooses the file (modulo the file count), the rest is that file's bytes.
// Any crash, sanitizer report or exception escaping load_content is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/content.hpp"
#include "good_minimal.hpp"

namespace {

const char* kFiles[] = {"documents.json", "boards.json", "case-studies.json", "places.json",
                        "money.json",     "glossary.json", "timeline.json",   "seeds/000.txt"};
constexpr size_t kFileCount = sizeof(kFiles) / sizeof(kFiles[0]);

const jup::MemReader& base_pack() { return good_minimal(kFiles); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    jup::MemReader pack = base_pack();
    pack.files[kFiles[data[0] % kFileCount]] = std::string(reinterpret_cast<const char*>(data + 1), size - 1);
    jup::LoadResult r = jup::load_content(pack);
    // Every issue must render as a message (file, pointer, text).
    size_t n = 0;
    for (const jup::Issue& i : r.issues) n += i.str().size();
    (void)n;
    return 0;
}
