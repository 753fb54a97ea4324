/** The theme colours for places that take a colour in TS (tab bar config, inline styles); keep in step with tokens.scss (a test compares them). */
export const BRAND = '#0a7d52'
export const INFO = '#0958d9'
export const MUTED = '#6b6b6b'
export const WARN = '#b45309'
