" gol: .gol files, and scripts whose #! line runs gol, are Go to Vim (Vim's own Go syntax,
" indent and filetype plugins then apply). Install: see scripts/editor/README.md.
autocmd BufRead,BufNewFile *.gol setfiletype go
autocmd BufRead,BufNewFile * if getline(1) =~# '^#!.*\<gol\>' | setfiletype go | endif
