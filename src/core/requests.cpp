// The platform's requests (actions.hpp): what the views and the test hook may ask of the
// browser side. src/platform/main.cpp handles each one; none of them changes State itself.
#include "core/actions.hpp"

#include <iterator>

namespace jup {

namespace {

using T = ArgType;

const ActionSpec kRequests[] = {
    {"dismiss_notice", {}, nullptr, "Hides the one-line notice at the top.", Request::DismissNotice},
    {"export_answers", {}, nullptr, "Downloads this participant's answers file (joinedup-answers-ID-rREVISION.json).", Request::ExportAnswers},
    {"pick_answers_file", {}, nullptr, "Opens the browser's file picker for one answers file to import.", Request::PickAnswersFile},
    {"pick_tally_files", {}, nullptr, "Opens the browser's file picker for the room tally (several files).", Request::PickTallyFiles},
    {"export_tally_csv", {}, nullptr, "Downloads the room tally as joinedup-tally.csv.", Request::ExportTallyCsv},
    {"export_tally_json", {}, nullptr, "Downloads the room tally as joinedup-tally.json.", Request::ExportTallyJson},
    {"confirm_import", {}, nullptr, "Replaces this browser's answers with the answers file waiting for \"replace your answers?\".", Request::ConfirmImport},
    {"cancel_import", {}, nullptr, "Forgets the answers file waiting for \"replace your answers?\".", Request::CancelImport},
    {"fullscreen", {}, nullptr, "Asks the browser to show the page full screen.", Request::Fullscreen},
    {"share", {}, nullptr, "Makes the share link of this view and these choices, puts it in the address bar and opens the Share dialog.", Request::Share},
    {"copy_share", {}, nullptr, "Copies the share link to the clipboard.", Request::CopyShare},
    {"close_share", {}, nullptr, "Closes the Share dialog.", Request::CloseShare},
    {"show_qr", {{"what", T::Text, kOptional, "share (the share link, the default) or site (the site's address)"}}, nullptr,
     "Shows a full-screen QR code.", Request::ShowQr},
    {"close_qr", {}, nullptr, "Closes the full-screen QR code.", Request::CloseQr},
    {"accept_share", {}, nullptr, "Opens the share link waiting for \"replace your answers?\", with its answers (open_share).", Request::AcceptShare},
    {"decline_share", {}, nullptr, "Opens the waiting share link's view but keeps this browser's answers (open_share with keep_answers).", Request::DeclineShare},
    {"open_text_version", {}, nullptr, "Opens the text edition (text/index.html) in a new tab.", Request::OpenTextVersion},
    {"test_fault", {{"at", T::Text, kOptional, "frame, dispatch, state, stats, tally, export, files, hash or storage"}}, nullptr,
     "Tests only: the next call at that entry point throws, to show that the app survives it.", Request::TestFault},
};

}  // namespace

const ActionModule& platform_requests() {
    static const ActionModule m{"Platform requests", "src/core/requests.cpp", kRequests, std::size(kRequests), nullptr};
    return m;
}

}  // namespace jup
