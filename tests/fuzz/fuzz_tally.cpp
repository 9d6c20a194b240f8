// libFuzzer target: the facilitator's tally importer (core/answers.cpp tally, tally_json,
// tally_csv). The input is split on NUL bytes into up to 16 participant files, so duplicates
// and mixtures of good and bad files are explored too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/answers.hpp"

namespace {

const jup::Content& base_content() {
    static const jup::Content c = jup::load_content(jup::DirReader(JOINEDUP_FIXTURES_DIR "/good-minimal")).content;
    return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<jup::TallyInput> files;
    std::string cur;
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0 && files.size() < 15) {
            files.push_back({"f" + std::to_string(files.size()) + ".json", cur});
            cur.clear();
        } else {
            cur.push_back(static_cast<char>(data[i]));
        }
    }
    files.push_back({"f" + std::to_string(files.size()) + ".json", cur});
    const jup::Tally t = jup::tally(files);
    (void)jup::tally_json(t).dump();
    (void)jup::tally_csv(t, base_content());
    return 0;
}
