# The accessibility statement (/en/accessibility/): one message per heading,
# paragraph or list item, in the order of the page; the same keys in kk and ru.
# It says only what the tests in tests/browser/ check and what the code does.

page-accessibility-title = Accessibility statement
page-accessibility-description = What we aim for, what is tested on every build, the limits we know of, and how to report a problem.

a11y-aim-heading = Our aim
a11y-aim = We aim for this portal to meet WCAG 2.2 level AA in all three languages. We do not claim full conformance: this statement describes our automated tests, not an independent audit.

a11y-tested-heading = Tested automatically on every build
a11y-tested-axe = The axe-core 4.14.1 checker finds no violation of its WCAG 2.0–2.2 level A and AA rules on any page in any language, nor on the filtered archive, a highlighted paragraph, the contacts page after a failed update, or the not-found page.
a11y-tested-keyboard = On one page of each kind, Tab from the top reaches the skip link, the site name, the languages and the navigation, then every link, button and field in order, each with a visible focus indicator; focus outlines have at least 3:1 contrast.
a11y-tested-focus = After a link opens another page, the focus moves to its main heading.
a11y-tested-reflow = Pages in Kazakh read at 320 pixels wide and at 200% zoom without scrolling sideways.
a11y-tested-no-script = With JavaScript off, every page shows its heading and text, and the archive's years, kinds and pages work as plain links; the search, copy buttons and countdown do not work.

a11y-limits-heading = Known limits
a11y-limit-tests = The tests are automated, run only in Chromium, and find only some kinds of problems. No testing with people who use screen readers or other assistive technology is recorded.
a11y-limit-translations = Each statement has one source text; its other two language versions are the portal's translations. The top of each statement says whether it is the source text or a translation, and from which language.

a11y-report-heading = Report a problem
a11y-report-where = The portal has no e-mail address or phone number for reports. If something here is hard or impossible to use, please tell the FPRK through its official website:
a11y-report-include = Please include:
a11y-report-page = the page address (each paragraph of a statement has its own link, ending in #p1, #p2…);
a11y-report-device = your browser and device;
a11y-report-assistive = any assistive technology you use;
a11y-report-what = what you tried to do and what happened.
