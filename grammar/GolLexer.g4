// Lexer for gol (Go 1.22 syntax). Whitespace, newlines and comments go to the hidden channel; the
// semicolon-inserting token source (src/syntax/token_source.cpp) reads them to apply Go's rule.
// String, rune and block-comment rules are deliberately loose (unterminated forms, any escape) so
// the token source can report Go's precise lexical errors instead of a generic token error.
lexer grammar GolLexer;

// Keywords
BREAK       : 'break';
CASE        : 'case';
CHAN        : 'chan';
CONST       : 'const';
CONTINUE    : 'continue';
DEFAULT     : 'default';
DEFER       : 'defer';
ELSE        : 'else';
FALLTHROUGH : 'fallthrough';
FOR         : 'for';
FUNC        : 'func';
GO          : 'go';
GOTO        : 'goto';
IF          : 'if';
IMPORT      : 'import';
INTERFACE   : 'interface';
MAP         : 'map';
PACKAGE     : 'package';
RANGE       : 'range';
RETURN      : 'return';
SELECT      : 'select';
STRUCT      : 'struct';
SWITCH      : 'switch';
TYPE        : 'type';
VAR         : 'var';

// Operators and punctuation (longest first where prefixes overlap is handled by ANTLR's longest match)
ELLIPSIS     : '...';
SHL_ASSIGN   : '<<=';
SHR_ASSIGN   : '>>=';
AND_NOT_ASSIGN : '&^=';
DEFINE       : ':=';
ADD_ASSIGN   : '+=';
SUB_ASSIGN   : '-=';
MUL_ASSIGN   : '*=';
QUO_ASSIGN   : '/=';
REM_ASSIGN   : '%=';
AND_ASSIGN   : '&=';
OR_ASSIGN    : '|=';
XOR_ASSIGN   : '^=';
LAND         : '&&';
LOR          : '||';
ARROW        : '<-';
INC          : '++';
DEC          : '--';
EQL          : '==';
NEQ          : '!=';
LEQ          : '<=';
GEQ          : '>=';
SHL          : '<<';
SHR          : '>>';
AND_NOT      : '&^';
ADD          : '+';
SUB          : '-';
MUL          : '*';
QUO          : '/';
REM          : '%';
AND          : '&';
OR           : '|';
XOR          : '^';
LSS          : '<';
GTR          : '>';
ASSIGN       : '=';
NOT          : '!';
TILDE        : '~';
LPAREN       : '(';
RPAREN       : ')';
LBRACK       : '[';
RBRACK       : ']';
LBRACE       : '{';
RBRACE       : '}';
COMMA        : ',';
PERIOD       : '.';
SEMI         : ';';
COLON        : ':';

// `pkg.Name` is one token so a qualified type name needs no lookahead past the type: Go's grammar
// makes `[]pkg.T` ambiguous with a selector on `[]pkg`, and resolving that in the parser costs SLL
// prediction a closure over the global follow set (~25 ms of cold start). The builder splits it.
QUAL_IDENT   : IDENT_F '.' IDENT_F;
IDENT        : IDENT_F;

// Numbers (Go spec "Integer/Floating-point/Imaginary literals"). IMAG first so `1i` beats `1`.
IMAG_LIT     : (DECIMALS | INT_FORM | FLOAT_FORM) 'i';
FLOAT_LIT    : FLOAT_FORM;
INT_LIT      : INT_FORM;

// Loose on purpose: validated (escapes, termination, one character) in the token source.
RUNE_LIT     : '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\''?;
STRING_LIT   : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'?;
RAW_STRING_LIT : '`' ~'`'* '`'?;

WS           : [ \t\r]+ -> channel(HIDDEN);
NEWLINE      : '\n' -> channel(HIDDEN);
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN);
// Unterminated comments run to EOF; the token source reports them.
BLOCK_COMMENT: '/*' .*? ('*/' | EOF) -> channel(HIDDEN);

// Anything else: reported as "invalid character" by the token source.
ERRCHAR      : .;

fragment IDENT_F : LETTER (LETTER | UDIGIT)*;
fragment LETTER  : [\p{L}_];
fragment UDIGIT  : [\p{Nd}];
fragment DIGIT   : [0-9];
fragment HEXDIG  : [0-9a-fA-F];
fragment DECIMALS: DIGIT ('_'? DIGIT)*;
fragment HEXDIGITS : HEXDIG ('_'? HEXDIG)*;
fragment INT_FORM
    : '0' [xX] '_'? HEXDIGITS
    | '0' [bB] '_'? [01] ('_'? [01])*
    | '0' [oO] '_'? [0-7] ('_'? [0-7])*
    | '0' ('_'? [0-7])*
    | [1-9] ('_'? DIGIT)*
    ;
fragment EXPONENT : [eE] [+-]? DECIMALS;
fragment HEX_EXPONENT : [pP] [+-]? DECIMALS;
fragment FLOAT_FORM
    : DECIMALS '.' DECIMALS? EXPONENT?
    | DECIMALS EXPONENT
    | '.' DECIMALS EXPONENT?
    | '0' [xX] ('_'? HEXDIGITS '.'? HEXDIGITS? | '.' HEXDIGITS) HEX_EXPONENT
    ;
