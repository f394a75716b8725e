// Run first in <body>, before anything shows: tells the design system's styles that scripts run (and whether this
// browser runs the components), so they lay out what the components will enhance.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '')
