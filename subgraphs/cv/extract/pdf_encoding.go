package extract

// Base encodings of simple PDF fonts, as code → rune (0 = undefined).

// winAnsi is Windows-1252, the encoding most simple fonts use.
var winAnsi = func() (t [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	for c := 0xA0; c <= 0xFF; c++ {
		t[c] = rune(c)
	}
	high := map[int]rune{
		0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡',
		0x88: 'ˆ', 0x89: '‰', 0x8A: 'Š', 0x8B: '‹', 0x8C: 'Œ', 0x8E: 'Ž', 0x91: '‘',
		0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜',
		0x99: '™', 0x9A: 'š', 0x9B: '›', 0x9C: 'œ', 0x9E: 'ž', 0x9F: 'Ÿ',
	}
	for c, r := range high {
		t[c] = r
	}
	return t
}()

// standardEnc is Adobe StandardEncoding, the default of Type 1 fonts.
var standardEnc = func() (t [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	t[0x27], t[0x60] = '’', '‘'
	high := map[int]rune{
		0xA1: '¡', 0xA2: '¢', 0xA3: '£', 0xA4: '⁄', 0xA5: '¥', 0xA6: 'ƒ', 0xA7: '§',
		0xA8: '¤', 0xA9: '\'', 0xAA: '“', 0xAB: '«', 0xAC: '‹', 0xAD: '›', 0xAE: 'ﬁ',
		0xAF: 'ﬂ', 0xB1: '–', 0xB2: '†', 0xB3: '‡', 0xB4: '·', 0xB6: '¶', 0xB7: '•',
		0xB8: '‚', 0xB9: '„', 0xBA: '”', 0xBB: '»', 0xBC: '…', 0xBD: '‰', 0xBF: '¿',
		0xC1: '`', 0xC2: '´', 0xC3: 'ˆ', 0xC4: '˜', 0xC5: '¯', 0xC6: '˘', 0xC7: '˙',
		0xC8: '¨', 0xCA: '˚', 0xCB: '¸', 0xCD: '˝', 0xCE: '˛', 0xCF: 'ˇ', 0xD0: '—',
		0xE1: 'Æ', 0xE3: 'ª', 0xE8: 'Ł', 0xE9: 'Ø', 0xEA: 'Œ', 0xEB: 'º', 0xF1: 'æ',
		0xF5: 'ı', 0xF8: 'ł', 0xF9: 'ø', 0xFA: 'œ', 0xFB: 'ß',
	}
	for c, r := range high {
		t[c] = r
	}
	return t
}()

// macRoman is MacRomanEncoding's upper half over ASCII.
var macRoman = func() (t [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	upper := []rune("ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ")
	for i, r := range upper {
		t[0x80+i] = r
	}
	return t
}()

func baseEncoding(name string) *[256]rune {
	switch name {
	case "WinAnsiEncoding":
		return &winAnsi
	case "MacRomanEncoding", "MacExpertEncoding":
		return &macRoman
	case "StandardEncoding":
		return &standardEnc
	}
	return nil
}

// cork is TeX's T1 (Cork) encoding. pdfTeX embeds bitmap (PK) fonts as
// Type 3 fonts whose glyphs are named a0…a255 after their T1 codes, with no
// ToUnicode: a LaTeX CV typeset in T1 without scalable fonts.
var cork = func() (t [256]rune) {
	low := []rune("`´ˆ˜¨˝˚ˇ˘¯˙¸˛‚‹›“”„«»–—\u200C‰ıȷﬀﬁﬂﬃﬄ")
	copy(t[:], low)
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	t[0x27], t[0x60], t[0x7F] = '’', '‘', '-'
	upper := []rune("ĂĄĆČĎĚĘĞĹĽŁŃŇŊŐŔŘŚŠŞŤŢŰŮŸŹŽŻĲİđ§ăąćčďěęğĺľłńňŋőŕřśšşťţűůÿźžżĳ¡¿£")
	copy(t[0x80:], upper)
	for c := 0xC0; c <= 0xFF; c++ {
		t[c] = rune(c)
	}
	t[0xD7], t[0xDF], t[0xF7], t[0xFF] = 'Œ', 'ß', 'œ', 'ß' // 0xDF is "SS" in T1
	return t
}()
