/** The theme colours for places that take a colour in TS (tab bar config, inline styles); keep in step with tokens.scss. */
export const BRAND = '#10a66b'
export const INFO = '#1677ff'
export const MUTED = '#8c8c8c'
