// The fuzz targets' starting pack: these files of tests/fixtures/good-minimal, read once.
#pragma once
#include <cstddef>
#include <string>

#include "core/content.hpp"

template <size_t N>
const jup::MemReader& good_minimal(const char* const (&files)[N]) {
    static const jup::MemReader pack = [&] {
        jup::MemReader m;
        jup::DirReader dir(JOINEDUP_FIXTURES_DIR "/good-minimal");
        for (const char* f : files) {
            std::string text;
            if (dir.read(f, text)) m.files[f] = text;
        }
        return m;
    }();
    return pack;
}
