0D w-
1”5ûtuiGm)t›Sj‘±@qn`ÅIåsÂa İ%'weŞ3®dIÄ³eĞ:ºêád³·šò½<¥™