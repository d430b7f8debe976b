"""Names of languages that agency staff speak: any language, not only the portal's eight.

Each is shown by its own name (never a flag), with the English name for staff and search.
"""

KNOWN_LANGUAGES = {
    "en": ("English", "English"),
    "ar": ("Arabic", "العربية"),
    "fa": ("Persian (Farsi)", "فارسی"),
    "prs": ("Dari", "دری"),
    "ps": ("Pashto", "پښتو"),
    "ckb": ("Kurdish (Sorani)", "کوردی"),
    "kmr": ("Kurdish (Kurmanji)", "Kurmancî"),
    "ku": ("Kurdish", "Kurdî"),
    "so": ("Somali", "Soomaali"),
    "ti": ("Tigrinya", "ትግርኛ"),
    "am": ("Amharic", "አማርኛ"),
    "om": ("Oromo", "Afaan Oromoo"),
    "ur": ("Urdu", "اردو"),
    "pa": ("Punjabi", "ਪੰਜਾਬੀ"),
    "bn": ("Bengali", "বাংলা"),
    "hi": ("Hindi", "हिन्दी"),
    "gu": ("Gujarati", "ગુજરાતી"),
    "ta": ("Tamil", "தமிழ்"),
    "ne": ("Nepali", "नेपाली"),
    "pl": ("Polish", "Polski"),
    "ro": ("Romanian", "Română"),
    "ru": ("Russian", "Русский"),
    "uk": ("Ukrainian", "Українська"),
    "bg": ("Bulgarian", "Български"),
    "lt": ("Lithuanian", "Lietuvių"),
    "lv": ("Latvian", "Latviešu"),
    "cs": ("Czech", "Čeština"),
    "sk": ("Slovak", "Slovenčina"),
    "hu": ("Hungarian", "Magyar"),
    "sq": ("Albanian", "Shqip"),
    "tr": ("Turkish", "Türkçe"),
    "fr": ("French", "Français"),
    "pt": ("Portuguese", "Português"),
    "es": ("Spanish", "Español"),
    "it": ("Italian", "Italiano"),
    "de": ("German", "Deutsch"),
    "sw": ("Swahili", "Kiswahili"),
    "ln": ("Lingala", "Lingála"),
    "ha": ("Hausa", "Hausa"),
    "yo": ("Yoruba", "Yorùbá"),
    "ig": ("Igbo", "Igbo"),
    "zh": ("Chinese", "中文"),
    "yue": ("Cantonese", "粵語"),
    "vi": ("Vietnamese", "Tiếng Việt"),
    "my": ("Burmese", "မြန်မာ"),
    "bsl": ("British Sign Language", "British Sign Language"),
}


def language_names(code):
    """(English name, own name) for a code; an unknown code is shown as itself."""
    return KNOWN_LANGUAGES.get(code, (code, code))
