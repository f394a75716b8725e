// Starts the NHS design system's components (header menu, error summary focus, skip link, ...): the pages work
// without it, as every control is a link or a form.
initAll()
