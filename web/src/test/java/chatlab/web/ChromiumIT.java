package chatlab.web;

/** The web client end to end in headless Chromium. */
class ChromiumIT extends BrowserTestBase {
    @Override
    Browsers browser() {
        return Browsers.CHROMIUM;
    }
}
